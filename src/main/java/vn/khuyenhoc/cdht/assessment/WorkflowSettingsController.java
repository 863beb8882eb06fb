package vn.khuyenhoc.cdht.assessment;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.community.ProvinceManagers;
import vn.khuyenhoc.cdht.area.UnitOption;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/** The per-province workflow setting (separation of duties): admins and province officers, in their subtree. */
@Controller
@RequestMapping("/assessments/settings")
class WorkflowSettingsController {

    private final WorkflowSettings settings;
    private final ProvinceManagers managers;

    WorkflowSettingsController(WorkflowSettings settings, ProvinceManagers managers) {
        this.settings = settings;
        this.managers = managers;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) Long province,
            Model model) {
        List<UnitOption> provinces = managers.provinces(user);
        Long shown = province != null ? province : provinces.size() == 1 ? provinces.get(0).id() : null;
        model.addAttribute("provinces", provinces);
        model.addAttribute("province", shown);
        if (shown != null) {
            model.addAttribute("setting", settings.get(user, shown));
        }
        return "assessment/settings";
    }

    @PostMapping
    String save(@AuthenticationPrincipal CurrentUser user, @RequestParam long province,
            @RequestParam(defaultValue = "false") boolean separationOfDuties,
            @RequestParam(required = false) Long version, Model model, RedirectAttributes redirect) {
        DutySetting current = settings.get(user, province);
        try {
            settings.update(user, province, separationOfDuties, version);
            redirect.addFlashAttribute("success", "assessment.settings.saved");
            return "redirect:/assessments/settings?province=" + province;
        } catch (BusinessRuleException e) {
            // someone saved in between: show what is stored now, with its version, to decide again
            model.addAttribute("settingFailure", e.messageKey());
            model.addAttribute("provinces", managers.provinces(user));
            model.addAttribute("province", province);
            model.addAttribute("setting", current);
            return "assessment/settings";
        }
    }
}
