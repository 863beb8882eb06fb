package vn.khuyenhoc.cdht.recognition;

import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/** The pick page of a draft decision: which verified assessments it includes, page by page. */
@Controller
@RequestMapping("/recognition")
class DecisionPickController {

    private static final String PASS_VIEW = "pass";
    private static final String FAIL_VIEW = "fail";

    private final RecognitionDecisions decisions;
    private final DecisionPicks picks;

    DecisionPickController(RecognitionDecisions decisions, DecisionPicks picks) {
        this.decisions = decisions;
        this.picks = picks;
    }

    /** One page of the pick list: passes (default) or failures, of one hamlet and group or of the commune. */
    @GetMapping("/{id}/pick")
    String pickForm(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(defaultValue = "") String hamlet, @RequestParam(defaultValue = "") String group,
            @RequestParam(defaultValue = PASS_VIEW) String view, @RequestParam(defaultValue = "0") int page,
            Model model, RedirectAttributes redirect) {
        DecisionSummary decision = decisions.get(user, id);
        decisions.requireDeciderRole(user);
        if (!decision.draft()) {
            RecognitionController.failure(redirect, new BusinessRuleException("recognition.decision.issued"));
            return "redirect:/recognition/" + id;
        }
        PickPage pick = picks.pickPage(user, id, filter(hamlet, group, view), page);
        model.addAttribute("pick", pick);
        model.addAttribute("decision", pick.decision());
        return "recognition/pick";
    }

    /**
     * Every button of the pick page posts the page's ticks first (rows shown and ticked are included, rows shown
     * and not ticked taken out), then does what it names: stay ("save"), finish ("done"), go to a page
     * ("page:N"), switch between passes and failures ("view:fail"), or change the selection beyond the page within
     * the filter ("selectPassing", "clear"). So no tick is lost to paging or filtering.
     */
    @PostMapping("/{id}/pick")
    String pick(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(name = "shown", required = false) List<Long> shown,
            @RequestParam(name = "assessment", required = false) List<Long> ticked, @RequestParam long version,
            @RequestParam(defaultValue = "") String hamlet, @RequestParam(defaultValue = "") String group,
            @RequestParam(defaultValue = PASS_VIEW) String view, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "save") String action, RedirectAttributes redirect) {
        PickFilter filter = filter(hamlet, group, view);
        PickBulk bulk = switch (action) {
            case "selectPassing" -> filter.failures() ? PickBulk.NONE : PickBulk.SELECT_PASSING;
            case "clear" -> PickBulk.CLEAR;
            default -> PickBulk.NONE;
        };
        String nextView = action.startsWith("view:") ? action.substring("view:".length()) : view;
        int nextPage = action.startsWith("page:") ? parsePage(action.substring("page:".length()))
                : action.startsWith("view:") || bulk != PickBulk.NONE || "filter".equals(action) ? 0 : page;
        String back = UriComponentsBuilder.fromPath("/recognition/" + id + "/pick").queryParam("hamlet", hamlet)
                .queryParam("group", group).queryParam("view", FAIL_VIEW.equals(nextView) ? FAIL_VIEW : PASS_VIEW)
                .queryParam("page", nextPage).build().encode().toUriString();
        try {
            long selected = picks.changeSelection(user, id, filter, shown, ticked, bulk, version);
            redirect.addFlashAttribute("success", "recognition.selected");
            redirect.addFlashAttribute("successArgs", new Object[] {selected});
            return "done".equals(action) ? "redirect:/recognition/" + id : "redirect:" + back;
        } catch (BusinessRuleException e) {
            RecognitionController.failure(redirect, e);
            return "redirect:" + back;
        }
    }

    private static PickFilter filter(String hamlet, String group, String view) {
        Long hamletId = null;
        if (!hamlet.isBlank()) {
            try {
                hamletId = Long.valueOf(hamlet.strip());
            } catch (NumberFormatException e) {
                throw new NotFoundException("hamlet " + hamlet);
            }
        }
        return new PickFilter(hamletId, group, FAIL_VIEW.equals(view));
    }

    private static int parsePage(String page) {
        try {
            return Math.max(0, Integer.parseInt(page));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
