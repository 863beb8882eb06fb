package vn.khuyenhoc.cdht.portal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * The administrator's page for the portal's privacy notice: the text in force in an editor (saving publishes a new
 * version), the list of versions with who published them and when, and each old version as it was. Anyone else: 403.
 */
@Controller
@RequestMapping("/portal/notice")
class NoticeController {

    private final PrivacyNotices notices;

    NoticeController(PrivacyNotices notices) {
        this.notices = notices;
    }

    @GetMapping
    String edit(@AuthenticationPrincipal CurrentUser user, Model model) {
        PrivacyNotices.requireAdmin(user);
        PrivacyNotices.Notice current = notices.current();
        model.addAttribute("noticeForm", new NoticeForm(current.body(), current.version()));
        return page(user, current.version(), model);
    }

    @PostMapping
    String publish(@AuthenticationPrincipal CurrentUser user, @ModelAttribute("noticeForm") NoticeForm form,
            BindingResult binding, Model model, RedirectAttributes redirect) {
        PrivacyNotices.requireAdmin(user);
        if (binding.hasErrors()) {
            // refused characters or length (system.InputHygiene): the typed text stays in the form
            return page(user, notices.current().version(), model);
        }
        try {
            int version = notices.publish(user, form.getBody(), form.basedOnVersion());
            redirect.addFlashAttribute("success", "portal.notice.published");
            redirect.addFlashAttribute("successArgs", new Object[] {version});
            return "redirect:/portal/notice";
        } catch (BusinessRuleException e) {
            binding.rejectValue("body", e.messageKey(), e.arguments(), e.messageKey());
            // the typed text stays; the form now edits the version in force
            int current = notices.current().version();
            form.setBasedOn(String.valueOf(current));
            return page(user, current, model);
        }
    }

    @GetMapping("/{version}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable int version, Model model) {
        model.addAttribute("notice", notices.version(user, version)
                .orElseThrow(() -> new NotFoundException("notice version " + version)));
        model.addAttribute("currentVersion", notices.current().version());
        return "portal/notice-version";
    }

    private String page(CurrentUser user, int basedOn, Model model) {
        model.addAttribute("versions", notices.history(user));
        model.addAttribute("basedOn", basedOn);
        model.addAttribute("maxLength", PrivacyNotices.MAX_LENGTH);
        return "portal/notice-admin";
    }
}
