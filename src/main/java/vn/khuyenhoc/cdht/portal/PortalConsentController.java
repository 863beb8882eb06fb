package vn.khuyenhoc.cdht.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/**
 * The citizen's privacy notice and consent: read the notice in force and consent to it (then the form opens),
 * see when they consented, and withdraw after a confirmation page. Nothing in a URL or form names the citizen.
 */
@Controller
@RequestMapping("/c/notice")
class PortalConsentController {

    private final CitizenAccess access;
    private final PortalConsent consent;
    private final PrivacyNotices notices;

    PortalConsentController(CitizenAccess access, PortalConsent consent, PrivacyNotices notices) {
        this.access = access;
        this.consent = consent;
        this.notices = notices;
    }

    @ExceptionHandler(PortalController.SignInRequired.class)
    String signIn() {
        return "redirect:/c?signin";
    }

    @GetMapping
    String notice(@RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            @RequestParam(required = false) String done, Model model) {
        return page(require(citizen), done, model);
    }

    @PostMapping("/consent")
    String give(@RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            @RequestParam(defaultValue = "") String version, Model model) {
        long id = require(citizen);
        try {
            consent.give(id, parse(version));
            return "redirect:/c/a";
        } catch (BusinessRuleException e) {
            model.addAttribute("problem", e);
            return page(id, null, model);
        }
    }

    @GetMapping("/withdraw")
    String confirmWithdrawal(
            @RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            Model model) {
        long id = require(citizen);
        model.addAttribute("overview", access.overview(id));
        model.addAttribute("consent", consent.state(id));
        return "portal/withdraw";
    }

    @PostMapping("/withdraw")
    String withdraw(@RequestAttribute(name = PortalSecurityConfig.CITIZEN_ATTRIBUTE, required = false) Long citizen,
            Model model) {
        long id = require(citizen);
        try {
            consent.withdraw(id);
            return "redirect:/c/notice?done=withdrawn";
        } catch (BusinessRuleException e) {
            model.addAttribute("problem", e);
            return page(id, null, model);
        }
    }

    private String page(long citizen, String done, Model model) {
        model.addAttribute("overview", access.overview(citizen));
        model.addAttribute("notice", notices.current());
        model.addAttribute("consent", consent.state(citizen));
        model.addAttribute("done", "withdrawn".equals(done) || "pin".equals(done) ? done : null);
        return "portal/notice";
    }

    private static long require(Long citizen) {
        if (citizen == null) {
            throw new PortalController.SignInRequired();
        }
        return citizen;
    }

    /** The hidden version of the notice read; anything else counts as no version (refused with a message). */
    private static Integer parse(String typed) {
        String value = typed == null ? "" : typed.trim();
        if (!value.matches("\\d{1,6}")) {
            return null;
        }
        return Integer.valueOf(value);
    }
}
