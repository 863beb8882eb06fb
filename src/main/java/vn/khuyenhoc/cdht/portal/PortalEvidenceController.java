package vn.khuyenhoc.cdht.portal;

import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;
import vn.khuyenhoc.cdht.evidence.EvidenceFiles;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/**
 * The citizen's evidence files on the portal: attach a photo (the phone's camera) or a PDF to their own form of the
 * year, and open their own files; another citizen's file is as unknown (404). Nothing in the URL names the citizen.
 */
@Controller
@RequestMapping("/c/evidence")
class PortalEvidenceController {

    private final EvidenceFiles files;
    private final CitizenAccess access;

    PortalEvidenceController(EvidenceFiles files, CitizenAccess access) {
        this.files = files;
        this.access = access;
    }

    @ExceptionHandler(PortalController.SignInRequired.class)
    String signIn() {
        return "redirect:/c?signin";
    }

    @PostMapping
    String attach(@RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            @RequestParam(defaultValue = "") String indicator,
            @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        long id = require(citizen);
        try {
            files.attachOwn(id, access.overview(id).year(), indicator,
                    file == null ? null : file.getOriginalFilename(), file == null ? null : file.getBytes());
            return "redirect:/c/a?done=evidence";
        } catch (BusinessRuleException e) {
            return "redirect:" + UriComponentsBuilder.fromPath("/c/a").queryParam("refused", e.messageKey())
                    .build().toUriString();
        }
    }

    @GetMapping("/{file}")
    ResponseEntity<byte[]> open(
            @RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            @PathVariable long file) {
        return files.openOwn(require(citizen), file, false).response();
    }

    @GetMapping("/{file}/thumb")
    ResponseEntity<byte[]> thumbnail(
            @RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            @PathVariable long file) {
        return files.openOwn(require(citizen), file, true).response();
    }

    private static long require(Long citizen) {
        if (citizen == null) {
            throw new PortalController.SignInRequired();
        }
        return citizen;
    }
}
