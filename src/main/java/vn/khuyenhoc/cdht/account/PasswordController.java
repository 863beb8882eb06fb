package vn.khuyenhoc.cdht.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.FormErrors;

/** Every user changes their own password here; accounts with a one-time password are sent here first. */
@Controller
class PasswordController {

    private final AccountService accounts;
    private final SecurityContextRepository contextRepository;

    PasswordController(AccountService accounts, SecurityContextRepository contextRepository) {
        this.accounts = accounts;
        this.contextRepository = contextRepository;
    }

    @GetMapping(PasswordChangeRequiredFilter.CHANGE_URL)
    String form(@AuthenticationPrincipal StaffPrincipal user, Model model) {
        model.addAttribute("passwordForm", new PasswordForm());
        model.addAttribute("forced", user.mustChangePassword());
        return "account/password";
    }

    @PostMapping(PasswordChangeRequiredFilter.CHANGE_URL)
    String change(@AuthenticationPrincipal StaffPrincipal user,
            @Valid @ModelAttribute("passwordForm") PasswordForm form, BindingResult result, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("forced", user.mustChangePassword());
        if (result.hasErrors()) {
            return "account/password";
        }
        try {
            accounts.changeOwnPassword(user, form.getCurrentPassword(), form.getNewPassword(),
                    form.getConfirmation());
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return "account/password";
        }
        // The session's principal still says "must change": replace it so the user can go on.
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        StaffPrincipal updated = user.withPasswordChanged();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(updated, null,
                current.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        redirect.addFlashAttribute("success", "account.password.changed");
        return "redirect:/";
    }
}
