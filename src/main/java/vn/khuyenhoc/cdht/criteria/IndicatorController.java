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

/** Admin pages of a draft set's indicators: add, change, remove, move. Admins only, checked again by the service. */
@Controller
@RequestMapping("/criteria/{id}/indicators")
class IndicatorController {

    private final CriteriaAdministration administration;

    IndicatorController(CriteriaAdministration administration) {
        this.administration = administration;
    }

    @ModelAttribute
    void adminsOnly(@AuthenticationPrincipal CurrentUser user) {
        CriteriaPages.requireAdmin(user);
    }

    @InitBinder("indicatorForm")
    void guardIds(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    @GetMapping("/new")
    String newIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Long competency, Model model, RedirectAttributes redirect) {
        CriteriaAdministration.SetView view = administration.view(user, id);
        if (!view.summary().draft()) {
            return CriteriaPages.refuse(redirect, id, "criteria.set.notDraft");
        }
        IndicatorForm form = IndicatorForm.blank(competency, view.definition().targetGroupCodes());
        form.setCode(String.valueOf(view.definition().indicators().size() + 1));
        model.addAttribute("indicatorForm", form);
        return view(model, view, null);
    }

    @PostMapping("/new")
    String addIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("indicatorForm") IndicatorForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CriteriaAdministration.SetView view = administration.view(user, id);
        return CriteriaPages.save(id, result, redirect, () -> administration.addIndicator(user, id, form),
                () -> view(model, view, null));
    }

    @GetMapping("/{indicatorId}")
    String editIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long indicatorId, Model model, RedirectAttributes redirect) {
        CriteriaAdministration.SetView view = administration.view(user, id);
        IndicatorDefinition indicator = indicator(view, indicatorId);
        if (!view.summary().draft()) {
            return CriteriaPages.refuse(redirect, id, "criteria.set.notDraft");
        }
        long competencyId = view.definition().competency(indicator.competencyCode())
                .map(CompetencyDefinition::id).orElse(0L);
        model.addAttribute("indicatorForm",
                IndicatorForm.of(indicator, competencyId, view.definition().targetGroupCodes()));
        return view(model, view, indicator);
    }

    @PostMapping("/{indicatorId}")
    String changeIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long indicatorId, @Valid @ModelAttribute("indicatorForm") IndicatorForm form,
            BindingResult result, Model model, RedirectAttributes redirect) {
        CriteriaAdministration.SetView view = administration.view(user, id);
        IndicatorDefinition indicator = indicator(view, indicatorId);
        return CriteriaPages.save(id, result, redirect,
                () -> administration.changeIndicator(user, id, indicatorId, form),
                () -> view(model, view, indicator));
    }

    @PostMapping("/{indicatorId}/delete")
    String removeIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long indicatorId, RedirectAttributes redirect) {
        return CriteriaPages.act(id, redirect, true, () -> administration.removeIndicator(user, id, indicatorId));
    }

    @PostMapping("/{indicatorId}/move")
    String moveIndicator(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @PathVariable long indicatorId, @RequestParam(defaultValue = "down") String direction,
            RedirectAttributes redirect) {
        return CriteriaPages.act(id, redirect, false,
                () -> administration.moveIndicator(user, id, indicatorId, CriteriaPages.step(direction)));
    }

    private static IndicatorDefinition indicator(CriteriaAdministration.SetView view, long indicatorId) {
        return view.definition().indicators().stream().filter(i -> i.id() == indicatorId).findFirst()
                .orElseThrow(() -> new NotFoundException("indicator " + indicatorId));
    }

    private static String view(Model model, CriteriaAdministration.SetView view, IndicatorDefinition indicator) {
        model.addAttribute("view", view);
        model.addAttribute("indicator", indicator);
        return "criteria/indicator-form";
    }
}
