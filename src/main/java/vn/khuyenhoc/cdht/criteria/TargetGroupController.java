package vn.khuyenhoc.cdht.criteria;

import jakarta.validation.Valid;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.FormErrors;

/** The catalogue of target groups: add one, rename one (the "other" group's name is not published yet). */
@Controller
@RequestMapping("/criteria/target-groups")
class TargetGroupController {

    private final CriteriaAdministration administration;

    TargetGroupController(CriteriaAdministration administration) {
        this.administration = administration;
    }

    @ModelAttribute
    void adminsOnly(@AuthenticationPrincipal CurrentUser user) {
        CriteriaAdministration.requireAdmin(user);
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("targetGroupForm", new TargetGroupForm());
        return listView(user, model);
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser user,
            @Valid @ModelAttribute("targetGroupForm") TargetGroupForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        if (result.hasErrors()) {
            return listView(user, model);
        }
        try {
            administration.createTargetGroup(user, form);
        } catch (BusinessRuleException e) {
            FormErrors.reject(result, e);
            return listView(user, model);
        }
        redirect.addFlashAttribute("success", "criteria.group.created");
        return "redirect:/criteria/target-groups";
    }

    @PostMapping("/{code}")
    String rename(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
            @RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            administration.renameTargetGroup(user, code, name);
            redirect.addFlashAttribute("success", "criteria.group.renamed");
        } catch (BusinessRuleException e) {
            redirect.addFlashAttribute("criteriaFailure", e.messageKey());
            redirect.addFlashAttribute("criteriaFailureArgs", e.arguments());
        }
        return "redirect:/criteria/target-groups";
    }

    private String listView(CurrentUser user, Model model) {
        model.addAttribute("groups", administration.targetGroups(user));
        return "criteria/target-groups";
    }
}
