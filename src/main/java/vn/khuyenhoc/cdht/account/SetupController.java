package vn.khuyenhoc.cdht.account;

import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.area.AreaSeeding;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.FormErrors;
import vn.khuyenhoc.cdht.shared.NotFoundException;
import vn.khuyenhoc.cdht.shared.Role;

/** Creates the first admin with the token from the log. Gone (404) once an admin exists. */
@Controller
class SetupController {

    private final SetupToken setupToken;
    private final AccountProvisioning accounts;
    private final AreaSeeding area;

    SetupController(SetupToken setupToken, AccountProvisioning accounts, AreaSeeding area) {
        this.setupToken = setupToken;
        this.accounts = accounts;
        this.area = area;
    }

    @GetMapping("/setup")
    String form(Model model) {
        requireSetupPending();
        model.addAttribute("setupForm", new SetupForm());
        return "account/setup";
    }

    @PostMapping("/setup")
    synchronized String create(@Valid @ModelAttribute("setupForm") SetupForm form, BindingResult result,
            RedirectAttributes redirect) {
        requireSetupPending();
        if (result.hasErrors()) {
            return "account/setup";
        }
        try {
            PasswordPolicy.check(form.getUsername(), form.getNewPassword(), form.getConfirmation());
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return "account/setup";
        }
        if (!setupToken.consume(form.getToken())) {
            result.rejectValue("token", "setup.token.wrong");
            return "account/setup";
        }
        long root = area.ensureNationalRoot();
        accounts.create(form.getUsername().trim(), form.getDisplayName().trim(), Role.ADMIN, root,
                form.getNewPassword(), false);
        redirect.addFlashAttribute("success", "setup.done");
        return "redirect:/login";
    }

    private void requireSetupPending() {
        if (!setupToken.active() || accounts.adminExists()) {
            throw new NotFoundException("setup");
        }
    }
}
