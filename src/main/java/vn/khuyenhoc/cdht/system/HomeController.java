package vn.khuyenhoc.cdht.system;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/** The start page: the user's unit, its children, and what their role lets them do. */
@Controller
class HomeController {

    private final Units units;

    HomeController(Units units) {
        this.units = units;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("unit", units.get(user.unitId()));
        model.addAttribute("children", units.children(user.unitId(), false));
        model.addAttribute("role", user.role().name());
        return "system/home";
    }
}
