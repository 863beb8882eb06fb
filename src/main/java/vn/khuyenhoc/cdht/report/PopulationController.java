package vn.khuyenhoc.cdht.report;

import jakarta.validation.Valid;
import java.time.Year;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.FormErrors;

/** Population figures per unit and year: list, add, edit, delete, export (admins and province officers). */
@Controller
@RequestMapping("/report/population")
class PopulationController {

    private final Populations populations;
    private final MessageSource messages;

    PopulationController(Populations populations, MessageSource messages) {
        this.populations = populations;
        this.messages = messages;
    }

    @InitBinder("populationForm")
    void guardIds(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            Model model) {
        int shown = year == null ? Year.now().getValue() : year;
        model.addAttribute("year", shown);
        model.addAttribute("rows", populations.list(user, shown));
        return "report/population";
    }

    @GetMapping("/export.xlsx")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(required = false) Integer year, Locale locale) {
        int shown = year == null ? Year.now().getValue() : year;
        List<List<Object>> rows = new ArrayList<>();
        for (PopulationRow p : populations.list(user, shown)) {
            rows.add(Arrays.asList(p.unitCode(), p.unitName(), p.year(), p.figures().adults(), p.figures().officials(),
                    p.figures().associationMembers(), p.figures().associationTrained()));
        }
        try (Xlsx xlsx = new Xlsx()) {
            xlsx.table(m(locale, "report.population.title"), null, List.of(m(locale, "report.col.code"),
                    m(locale, "report.col.unit"), m(locale, "report.col.year"), m(locale, "report.population.adults"),
                    m(locale, "report.population.officials"), m(locale, "report.population.associationMembers"),
                    m(locale, "report.population.associationTrained")), rows);
            return DashboardController.xlsx(xlsx.bytes(), "cdht-population-" + shown + ".xlsx");
        }
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Integer year,
            Model model) {
        Targets.requireManager(user);
        PopulationForm form = new PopulationForm();
        form.setYear(year == null ? Year.now().getValue() : year);
        model.addAttribute("populationForm", form);
        return form(null, model);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("populationForm") PopulationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        Targets.requireManager(user);
        if (result.hasErrors()) {
            return form(null, model);
        }
        try {
            populations.create(user, form);
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return form(null, model);
        }
        redirect.addFlashAttribute("success", "report.population.saved");
        return "redirect:/report/population?year=" + form.getYear();
    }

    @GetMapping("/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("populationForm", PopulationForm.of(populations.editable(user, id)));
        return form(id, model);
    }

    @PostMapping("/{id}/edit")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("populationForm") PopulationForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        populations.editable(user, id);
        if (result.hasErrors()) {
            return form(id, model);
        }
        try {
            populations.update(user, id, form);
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return form(id, model);
        }
        redirect.addFlashAttribute("success", "report.population.saved");
        return "redirect:/report/population?year=" + form.getYear();
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        int year = populations.editable(user, id).year();
        populations.delete(user, id);
        redirect.addFlashAttribute("success", "report.population.deleted");
        return "redirect:/report/population?year=" + year;
    }

    private String form(Long id, Model model) {
        model.addAttribute("populationId", id);
        return "report/population-form";
    }

    private String m(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }
}
