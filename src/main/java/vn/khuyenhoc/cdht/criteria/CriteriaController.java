package vn.khuyenhoc.cdht.criteria;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
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

/**
 * Admin pages of criteria sets (their competencies: {@link CompetencyController}, indicators:
 * {@link IndicatorController}). Admins only: {@link #adminsOnly} refuses everyone else before any handler runs,
 * and the service checks again.
 */
@Controller
@RequestMapping("/criteria")
class CriteriaController {

    static final String SCORE_PREFIX = "score_";

    private final CriteriaAdministration administration;
    private final CriteriaPublishing publishing;
    private final CriteriaCatalog catalog;

    CriteriaController(CriteriaAdministration administration, CriteriaPublishing publishing, CriteriaCatalog catalog) {
        this.publishing = publishing;
        this.administration = administration;
        this.catalog = catalog;
    }

    @ModelAttribute
    void adminsOnly(@AuthenticationPrincipal CurrentUser user) {
        CriteriaPages.requireAdmin(user);
    }

    @InitBinder("criteriaSetForm")
    void guardIds(WebDataBinder binder) {
        binder.setDisallowedFields("id");
    }

    // ---- list, create ----

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        int thisYear = LocalDate.now().getYear();
        model.addAttribute("sets", administration.list(user));
        model.addAttribute("thisYear", thisYear);
        model.addAttribute("inForce", catalog.inForce(thisYear).map(CriteriaSetSummary::id).orElse(null));
        return "criteria/list";
    }

    @GetMapping("/new")
    String createForm(Model model) {
        CriteriaSetForm form = new CriteriaSetForm();
        int year = LocalDate.now().getYear();
        form.setYearFrom(year);
        form.setYearTo(year);
        model.addAttribute("criteriaSetForm", form);
        return setFormView(model, null);
    }

    @PostMapping("/new")
    String create(@AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("criteriaSetForm") CriteriaSetForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return setFormView(model, null);
        }
        try {
            long id = administration.createDraft(user, form);
            redirect.addFlashAttribute("success", "criteria.created");
            return "redirect:/criteria/" + id;
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return setFormView(model, null);
        }
    }

    // ---- one set ----

    @GetMapping("/{id}")
    String show(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model) {
        model.addAttribute("view", administration.view(user, id));
        return "criteria/show";
    }

    @GetMapping("/{id}/edit")
    String editForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        CriteriaAdministration.SetView view = administration.view(user, id);
        if (!view.summary().draft()) {
            return CriteriaPages.refuse(redirect, id, "criteria.set.notDraft");
        }
        model.addAttribute("criteriaSetForm", CriteriaSetForm.of(view.definition(), view.summary().version()));
        return setFormView(model, view);
    }

    @PostMapping("/{id}/edit")
    String update(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @Valid @ModelAttribute("criteriaSetForm") CriteriaSetForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CriteriaAdministration.SetView view = administration.view(user, id);
        // the code is fixed once created; keep the stored one whatever was posted
        form.setCode(view.summary().code());
        if (!view.summary().draft()) {
            return CriteriaPages.refuse(redirect, id, "criteria.set.notDraft");
        }
        // the edit page does not post the code, so its "blank" error is no error here
        boolean invalid = result.getAllErrors().stream()
                .anyMatch(error -> !(error instanceof FieldError field && field.getField().equals("code")));
        if (invalid) {
            return setFormView(model, view);
        }
        try {
            administration.update(user, id, form);
            redirect.addFlashAttribute("success", "criteria.updated");
            return "redirect:/criteria/" + id;
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return setFormView(model, administration.view(user, id));
        }
    }

    /** The confirmation page: what differs from the set in force, the years affected, what would refuse it. */
    @GetMapping("/{id}/publish")
    String publishForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Integer effectiveYear, Model model, RedirectAttributes redirect) {
        CriteriaAdministration.SetView view = administration.view(user, id);
        if (!view.summary().draft()) {
            return CriteriaPages.refuse(redirect, id, "criteria.set.notDraft");
        }
        model.addAttribute("preview", publishing.publishPreview(user, id, effectiveYear));
        return "criteria/publish";
    }

    @PostMapping("/{id}/publish")
    String publish(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Long version, @RequestParam(required = false) Integer effectiveYear,
            Model model, RedirectAttributes redirect) {
        try {
            publishing.publish(user, id, version, effectiveYear);
            redirect.addFlashAttribute("success", "criteria.published");
            return "redirect:/criteria/" + id;
        } catch (CriteriaSetInvalidException e) {
            // shown in place, not redirected: every reason found at the moment of publishing, beside the preview
            model.addAttribute("preview", publishing.publishPreview(user, id, effectiveYear));
            model.addAttribute("publishProblems", e.problems());
            return "criteria/publish";
        } catch (BusinessRuleException e) {
            return CriteriaPages.refuse(redirect, id, e);
        }
    }

    /** The confirmation page of retiring: the years it leaves without a set, the assessments that keep it. */
    @GetMapping("/{id}/retire")
    String retireForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, Model model,
            RedirectAttributes redirect) {
        try {
            model.addAttribute("preview", publishing.retirePreview(user, id));
            return "criteria/retire";
        } catch (BusinessRuleException e) {
            return CriteriaPages.refuse(redirect, id, e);
        }
    }

    @PostMapping("/{id}/retire")
    String retire(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String reason, RedirectAttributes redirect) {
        try {
            publishing.retire(user, id, reason);
            redirect.addFlashAttribute("success", "criteria.retired");
        } catch (BusinessRuleException e) {
            return CriteriaPages.refuse(redirect, id, e);
        }
        return "redirect:/criteria/" + id;
    }

    @PostMapping("/{id}/copy")
    String copy(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            long copyId = administration.copy(user, id);
            redirect.addFlashAttribute("success", "criteria.copied");
            return "redirect:/criteria/" + copyId;
        } catch (BusinessRuleException e) {
            return CriteriaPages.refuse(redirect, id, e);
        }
    }

    @PostMapping("/{id}/delete")
    String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, RedirectAttributes redirect) {
        try {
            administration.delete(user, id);
            redirect.addFlashAttribute("success", "criteria.deleted");
            return "redirect:/criteria";
        } catch (BusinessRuleException e) {
            return CriteriaPages.refuse(redirect, id, e);
        }
    }

    // ---- the form a citizen sees, and trying scores on it ----

    @GetMapping("/{id}/form")
    String citizenForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String group, Model model) {
        CriteriaAdministration.SetView view = administration.view(user, id);
        return formView(model, view, chosenGroup(view, group), Map.of(), Channel.STAFF_PROXY);
    }

    @PostMapping("/{id}/form")
    String tryScores(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String group, @RequestParam(required = false) Channel channel,
            @RequestParam Map<String, String> params, Model model) {
        CriteriaAdministration.SetView view = administration.view(user, id);
        String chosen = chosenGroup(view, group);
        Map<String, String> entered = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(SCORE_PREFIX)) {
                entered.put(name.substring(SCORE_PREFIX.length()), value);
            }
        });
        List<String> unreadable = entered.entrySet().stream()
                .filter(e -> !e.getValue().isBlank() && !e.getValue().trim().matches("-?\\d{1,9}"))
                .map(Map.Entry::getKey).toList();
        if (!unreadable.isEmpty()) {
            model.addAttribute("unreadable", unreadable);
            return formView(model, view, chosen, entered, channel);
        }
        Map<String, Integer> scores = new LinkedHashMap<>();
        entered.forEach((code, value) -> {
            if (!value.isBlank()) {
                scores.put(code, Integer.valueOf(value.trim()));
            }
        });
        try {
            model.addAttribute("result", administration.tryScore(user, id, chosen, scores, channel));
        } catch (InvalidScoresException e) {
            model.addAttribute("scoreProblems", e.problems());
        }
        return formView(model, view, chosen, entered, channel);
    }

    // ---- target groups of the set ----

    @PostMapping("/{id}/groups")
    String addGroup(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String group, RedirectAttributes redirect) {
        try {
            administration.addTargetGroup(user, id, group);
            redirect.addFlashAttribute("success", "criteria.updated");
        } catch (BusinessRuleException e) {
            return CriteriaPages.refuse(redirect, id, e);
        }
        return "redirect:/criteria/" + id;
    }

    @PostMapping("/{id}/groups/{code}/remove")
    String removeGroup(@AuthenticationPrincipal CurrentUser user, @PathVariable long id, @PathVariable String code,
            RedirectAttributes redirect) {
        try {
            administration.removeTargetGroup(user, id, code);
            redirect.addFlashAttribute("success", "criteria.updated");
        } catch (BusinessRuleException e) {
            return CriteriaPages.refuse(redirect, id, e);
        }
        return "redirect:/criteria/" + id;
    }

    // ---- helpers ----

    private static String chosenGroup(CriteriaAdministration.SetView view, String group) {
        List<String> codes = view.definition().targetGroupCodes();
        if (group != null && codes.contains(group)) {
            return group;
        }
        return view.allGroups().stream().map(TargetGroupOption::code).filter(codes::contains).findFirst()
                .orElse(null);
    }

    private static String setFormView(Model model, CriteriaAdministration.SetView view) {
        model.addAttribute("view", view);
        return "criteria/set-form";
    }

    private static String formView(Model model, CriteriaAdministration.SetView view, String group,
            Map<String, String> entered, Channel channel) {
        model.addAttribute("view", view);
        model.addAttribute("group", group);
        model.addAttribute("citizenForm", group == null ? null
                : CriteriaForm.of(view.definition(), view.allGroups().stream()
                        .filter(g -> g.code().equals(group)).findFirst()
                        .orElse(new TargetGroupOption(group, group, 0))));
        model.addAttribute("entered", entered);
        model.addAttribute("channel", channel);
        model.addAttribute("channels", Channel.values());
        return "criteria/form";
    }
}
