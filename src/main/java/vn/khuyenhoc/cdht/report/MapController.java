package vn.khuyenhoc.cdht.report;

import java.io.IOException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/** Boundaries for the maps: the stored list and the GeoJSON upload (admins). */
@Controller
@RequestMapping("/report/maps")
class MapController {

    private final BoundaryMaps maps;

    MapController(BoundaryMaps maps) {
        this.maps = maps;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        requireAdmin(user);
        model.addAttribute("boundaries", maps.stored(user));
        return "report/maps";
    }

    @PostMapping
    String upload(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean schematic, Model model, RedirectAttributes redirect)
            throws IOException {
        requireAdmin(user);
        byte[] content = file == null ? new byte[0] : file.getBytes();
        BoundaryMaps.Upload upload = maps.upload(user, file == null ? null : file.getOriginalFilename(), content,
                schematic);
        if (!upload.ok()) {
            model.addAttribute("problems", upload.problems());
            model.addAttribute("boundaries", maps.stored(user));
            model.addAttribute("schematic", schematic);
            return "report/maps";
        }
        redirect.addFlashAttribute("success", "report.map.uploaded");
        redirect.addFlashAttribute("successArgs", new Object[] {String.valueOf(upload.stored())});
        return "redirect:/report/maps";
    }

    private void requireAdmin(CurrentUser user) {
        maps.requireUploader(user);
    }
}
