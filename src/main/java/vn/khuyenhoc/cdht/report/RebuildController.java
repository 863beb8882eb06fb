package vn.khuyenhoc.cdht.report;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/** Admins only: recompute every roll-up from the raw tables (after a bulk load written around the services). */
@Controller
@RequestMapping("/report/rebuild")
class RebuildController {

    private final ReportRefresh refresh;

    RebuildController(ReportRefresh refresh) {
        this.refresh = refresh;
    }

    @GetMapping
    String page(@AuthenticationPrincipal CurrentUser user) {
        refresh.requireRebuilder(user);
        return "report/rebuild";
    }

    @PostMapping
    String rebuild(@AuthenticationPrincipal CurrentUser user, RedirectAttributes redirect) {
        ReportRefresh.RebuildSummary summary = refresh.rebuildBy(user);
        redirect.addFlashAttribute("success", "report.rebuild.done");
        redirect.addFlashAttribute("successArgs", new Object[] {String.valueOf(summary.unitYearRows()),
            String.valueOf(summary.millis())});
        return "redirect:/report/rebuild";
    }
}
