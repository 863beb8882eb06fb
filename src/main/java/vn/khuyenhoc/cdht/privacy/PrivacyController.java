package vn.khuyenhoc.cdht.privacy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/** The data-subject actions on a citizen (export, erasure with its confirmation page) and the read audit page. */
@Controller
@RequestMapping("/privacy")
class PrivacyController {

    private final PersonalDataExport export;
    private final PersonalDataErasure erasure;
    private final ReadAudit reads;

    PrivacyController(PersonalDataExport export, PersonalDataErasure erasure, ReadAudit reads) {
        this.export = export;
        this.erasure = erasure;
        this.reads = reads;
    }

    @GetMapping("/citizens/{id}/export")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Locale locale) {
        PersonalDataExport.Export zip = export.export(user, id, locale);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(zip.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.noStore())
                .body(zip.zip());
    }

    @GetMapping("/citizens/{id}/erase")
    String confirmErasure(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("preview", erasure.preview(user, id));
        return "privacy/erase";
    }

    @PostMapping("/citizens/{id}/erase")
    String erase(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            erasure.erase(user, id);
            redirect.addFlashAttribute("success", "privacy.erase.done");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("failure", e.messageKey());
        }
        return "redirect:/citizens/" + id;
    }

    @GetMapping("/reads")
    String reads(@AuthenticationPrincipal CurrentUser user, Model model) {
        List<ReadAudit.Line> lines = reads.recent(user);
        model.addAttribute("lines", lines);
        return "privacy/reads";
    }
}
