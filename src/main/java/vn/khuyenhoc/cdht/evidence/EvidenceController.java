package vn.khuyenhoc.cdht.evidence;

import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import java.util.List;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Units;
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
    private final Units units;

    EvidenceController(EvidenceFiles files, Units units) {
        this.files = files;
        this.units = units;
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

    /** Storage used per unit: the administration's page (files live in the database, so backups grow with them). */
    @GetMapping("/storage")
    String storage(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<StorageRow> rows = files.storageByUnit(user).stream().map(s -> new StorageRow(
                units.find(s.unitId()).map(UnitSummary::name).orElse(""), s.files(), s.bytes())).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("totalFiles", rows.stream().mapToLong(StorageRow::files).sum());
        model.addAttribute("totalBytes", rows.stream().mapToLong(StorageRow::bytes).sum());
        return "evidence/storage";
    }

    /** One line of the storage page. */
    record StorageRow(String unitName, long files, long bytes) {

        public String size() {
            return EvidenceFile.sizeOf(bytes);
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
