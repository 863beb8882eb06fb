package vn.khuyenhoc.cdht.recognition;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The notice-board list of recognised citizens, without signing in (permitted under /public/** by security). */
@Controller
@RequestMapping("/public/recognition")
class PublicRecognitionController {

    private final PublicRecognitionList list;

    PublicRecognitionController(PublicRecognitionList list) {
        this.list = list;
    }

    @GetMapping
    String index(Model model) {
        model.addAttribute("listings", list.listings());
        return "recognition/public-index";
    }

    @GetMapping("/{commune}/{year}")
    String page(@PathVariable String commune, @PathVariable int year, Model model) {
        model.addAttribute("page", list.page(commune, year));
        return "recognition/public";
    }
}
