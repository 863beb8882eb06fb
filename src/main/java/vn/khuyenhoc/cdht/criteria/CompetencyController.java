package vn.khuyenhoc.cdht.criteria;

import jakarta.validation.Valid;
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
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/** Admin pages of a draft set's competencies: add, change, remove, move. Admins only, checked again by the service. */
@Controller
@RequestMapping("/criteria/{id}/competencies")
class CompetencyController {

    private final CriteriaAdministration administration;

    CompetencyController(CriteriaAdministration administration) {
        this.administration = administration;
    }

    @ModelAttribute
    void adminsOnly(@AuthenticationPrincipal CurrentUser user) {
        CriteriaPages.requireAdmin(user);
    }

    @InitBinder("competencyForm")
    void guardIds(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/new")
    String newCompetency(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        CriteriaAdministration.SetView view = administration.view(user, id);
        if (!view.summary().draft()) {
            return CriteriaPages.refuse(redirect, id, "criteria.set.notDraft");
        }
        CompetencyForm form = new CompetencyForm();
        form.setCode(String.valueOf(view.definition().competencies().size() + 1));
        model.addAttribute("competencyForm", form);
        return view(model, view, null);
    }

    @PostMapping("/new")
    String addCompetency(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("competencyForm") CompetencyForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CriteriaAdministration.SetView view = administration.view(user, id);
        return CriteriaPages.save(id, result, redirect, () -> administration.addCompetency(user, id, form),
                () -> view(model, view, null));
    }

    @GetMapping("/{competencyId}")
    String editCompetency(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long competencyId, Model model, RedirectAttributes redirect) {
        CriteriaAdministration.SetView view = administration.view(user, id);
        CompetencyDefinition competency = competency(view, competencyId);
        if (!view.summary().draft()) {
            return CriteriaPages.refuse(redirect, id, "criteria.set.notDraft");
        }
        model.addAttribute("competencyForm", CompetencyForm.of(competency));
        return view(model, view, competency);
    }

    @PostMapping("/{competencyId}")
    String changeCompetency(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long competencyId, @Valid @ModelAttribute("competencyForm") CompetencyForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CriteriaAdministration.SetView view = administration.view(user, id);
        CompetencyDefinition competency = competency(view, competencyId);
        return CriteriaPages.save(id, result, redirect,
                () -> administration.changeCompetency(user, id, competencyId, form),
                () -> view(model, view, competency));
    }

    @PostMapping("/{competencyId}/delete")
    String removeCompetency(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long competencyId, RedirectAttributes redirect) {
        return CriteriaPages.act(id, redirect, true, () -> administration.removeCompetency(user, id, competencyId));
    }

    @PostMapping("/{competencyId}/move")
    String moveCompetency(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long competencyId, @RequestParam(defaultValue = "down") String direction,
            RedirectAttributes redirect) {
        return CriteriaPages.act(id, redirect, false,
                () -> administration.moveCompetency(user, id, competencyId, CriteriaPages.step(direction)));
    }

    private static CompetencyDefinition competency(CriteriaAdministration.SetView view, long competencyId) {
        return view.definition().competencies().stream().filter(c -> c.id() == competencyId).findFirst()
                .orElseThrow(() -> new NotFoundException("competency " + competencyId));
    }

    private static String view(Model model, CriteriaAdministration.SetView view, CompetencyDefinition competency) {
        model.addAttribute("view", view);
        model.addAttribute("competency", competency);
        return "criteria/competency-form";
    }
}
