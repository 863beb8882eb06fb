package vn.khuyenhoc.cdht.evidence;

import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Staff side of evidence files: attach from the entry or verification page (back to the page it came from, with
 * the outcome as a flash message), remove, and serve a file or its thumbnail.
 */
@Controller
@RequestMapping("/evidence")
class EvidenceController {

    private final EvidenceFiles files;

    EvidenceController(EvidenceFiles files) {
        this.files = files;
    }

    @PostMapping("/assessments/{assessment}")
    String attach(@AuthenticationPrincipal CurrentUser user, @PathVariable long assessment,
            @RequestParam(defaultValue = "") String indicator, @RequestParam(defaultValue = "edit") String back,
            @RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        try {
            files.attach(user, assessment, indicator, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getBytes());
            redirect.addFlashAttribute("success", "evidence.attached");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("evidenceFailure", e.messageKey());
            redirect.addFlashAttribute("evidenceFailureArgs", e.arguments());
        }
        return backTo(assessment, back);
    }

    @PostMapping("/{id}/remove")
    String remove(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "edit") String back, RedirectAttributes redirect) {
        try {
            long assessment = files.remove(user, id);
            redirect.addFlashAttribute("success", "evidence.removed");
            return backTo(assessment, back);
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("evidenceFailure", e.messageKey());
            redirect.addFlashAttribute("evidenceFailureArgs", e.arguments());
            return "redirect:/assessments";
        }
    }

    @GetMapping("/{id}")
    ResponseEntity<byte[]> download(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return files.open(user, id, false).response();
    }

    @GetMapping("/{id}/thumb")
    ResponseEntity<byte[]> thumbnail(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return files.open(user, id, true).response();
    }

    private static String backTo(long assessment, String back) {
        // only the two pages that carry the control
        return "redirect:/assessments/" + assessment + ("verify".equals(back) ? "/verify" : "/edit");
    }
}
