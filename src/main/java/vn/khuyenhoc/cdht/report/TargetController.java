package vn.khuyenhoc.cdht.report;

import jakarta.validation.Valid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.FormErrors;

/** Targets: list, add, edit, delete, export (admins and province officers; see {@link Targets}). */
@Controller
@RequestMapping("/report/targets")
class TargetController {

    private final Targets targets;
    private final MessageSource messages;

    TargetController(Targets targets, MessageSource messages) {
        this.targets = targets;
        this.messages = messages;
    }

    @InitBinder("targetForm")
    void guardIds(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("targets", targets.list(user));
        return "report/targets";
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        for (TargetRow t : targets.list(user)) {
            rows.add(Arrays.asList(m(locale, "report.indicator." + t.indicator().name()),
                    t.national() ? m(locale, "report.target.national") : t.scopeCode(),
                    t.national() ? null : t.scopeName(), t.year(), t.percentage()));
        }
        try (Xlsx xlsx = new Xlsx()) {
            xlsx.table(m(locale, "report.targets.title"), null, List.of(m(locale, "report.col.indicator"),
                    m(locale, "report.col.code"), m(locale, "report.col.unit"), m(locale, "report.col.year"),
                    m(locale, "report.col.percentage")), rows);
            return DashboardController.xlsx(xlsx.bytes(), "cdht-targets.xlsx");
        }
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        Targets.requireManager(user);
        model.addAttribute("targetForm", new TargetForm());
        return form(null, model);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal CurrentUser user, @Valid @ModelAttribute("targetForm") TargetForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        Targets.requireManager(user);
        if (result.hasErrors()) {
            return form(null, model);
        }
        try {
            targets.create(user, form);
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return form(null, model);
        }
        redirect.addFlashAttribute("success", "report.target.saved");
        return "redirect:/report/targets";
    }

    @GetMapping("/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("targetForm", TargetForm.of(targets.editable(user, id)));
        return form(id, model);
    }

    @PostMapping("/{id}/edit")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("targetForm") TargetForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        targets.editable(user, id);
        if (result.hasErrors()) {
            return form(id, model);
        }
        try {
            targets.update(user, id, form);
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return form(id, model);
        }
        redirect.addFlashAttribute("success", "report.target.saved");
        return "redirect:/report/targets";
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        targets.delete(user, id);
        redirect.addFlashAttribute("success", "report.target.deleted");
        return "redirect:/report/targets";
    }

    private String form(Long id, Model model) {
        model.addAttribute("targetId", id);
        model.addAttribute("indicators", Indicator.values());
        return "report/target-form";
    }

    private String m(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }
}
