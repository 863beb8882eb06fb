package vn.khuyenhoc.cdht.account;

import jakarta.validation.Valid;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.FormErrors;

/** Account pages for admins and province officers; the service decides what each may touch. */
@Controller
@RequestMapping("/accounts")
class AccountController {

    private final AccountService accounts;
    private final Units units;

    AccountController(AccountService accounts, Units units) {
        this.accounts = accounts;
        this.units = units;
    }

    @InitBinder("accountForm")
    void guardIds(WebDataBinder binder) {
        binder.setDisallowedFields("id", "password", "passwordHash");
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("accounts", accounts.search(user, q, PageRequest.of(Math.max(page, 0), 25))
                .map(a -> new AccountRow(a, units.get(a.unitId()))));
        return "account/list";
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        accounts.requireManager(user);
        AccountForm form = new AccountForm();
        form.setUnitCode(units.get(user.unitId()).code());
        model.addAttribute("accountForm", form);
        return formView(user, model, null);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("accountForm") AccountForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return formView(user, model, null);
        }
        try {
            AccountService.CreatedAccount created = accounts.create(user, form);
            redirect.addFlashAttribute("oneTimePassword", created.oneTimePassword());
            redirect.addFlashAttribute("success", "account.created");
            return "redirect:/accounts/" + created.account().id();
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return formView(user, model, null);
        }
    }

    @GetMapping("/{id}")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        AccountSummary account = accounts.get(user, id);
        AccountForm form = new AccountForm();
        form.setUsername(account.username());
        form.setDisplayName(account.displayName());
        form.setRole(account.role());
        form.setUnitCode(units.get(account.unitId()).code());
        form.setEnabled(account.enabled());
        form.setVersion(account.version());
        model.addAttribute("accountForm", form);
        return formView(user, model, account);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("accountForm") AccountForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        AccountSummary account = accounts.get(user, id);
        // The username is fixed once created; keep the stored one whatever was posted, and ignore its errors.
        form.setUsername(account.username());
        boolean errors = result.hasGlobalErrors()
                || result.getFieldErrors().stream().anyMatch(e -> !"username".equals(e.getField()));
        if (errors) {
            return formView(user, model, account);
        }
        try {
            accounts.update(user, id, form);
            redirect.addFlashAttribute("success", "account.updated");
            return "redirect:/accounts/" + id;
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            if ("error.concurrentEdit".equals(e.messageKey())) {
                // The page lists the stored values; the form keeps what was typed and the stored version.
                form.setVersion(account.version());
                model.addAttribute("latest", account);
            }
            return formView(user, model, account);
        }
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            RedirectAttributes redirect) {
        String password = accounts.resetPassword(user, id);
        redirect.addFlashAttribute("oneTimePassword", password);
        redirect.addFlashAttribute("success", "account.passwordReset");
        return "redirect:/accounts/" + id;
    }

    /** Public because templates read it through reflection. */
    public record AccountRow(AccountSummary account, vn.khuyenhoc.cdht.area.UnitSummary unit) {
    }

    private String formView(CurrentUser user, Model model, AccountSummary account) {
        model.addAttribute("account", account);
        model.addAttribute("roles", accounts.assignableRoles(user));
        model.addAttribute("accountUnit", account == null ? null : units.get(account.unitId()));
        return "account/form";
    }
}
