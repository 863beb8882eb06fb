package vn.khuyenhoc.cdht.system;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.assessment.AssessmentQueues;
import vn.khuyenhoc.cdht.assessment.AssessmentState;
import vn.khuyenhoc.cdht.criteria.CriteriaDrafts;
import vn.khuyenhoc.cdht.report.UnitsBehind;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * The start page: the user's unit, its children, what their role lets them do, and the work waiting for them, each
 * count linking to the filtered list that holds it (verifier: assessments waiting for verification; commune officer:
 * citizens without this year's assessment, assessments returned, waiting for verification and verified waiting for a
 * decision; province officer: units behind the path to their targets; admin: criteria drafts). Every count is an SQL
 * aggregate over the user's subtree, asked of the module that owns the data.
 */
@Controller
class HomeController {

    private final Units units;
    private final AssessmentQueues queues;
    private final UnitsBehind behind;
    private final CriteriaDrafts drafts;

    HomeController(Units units, AssessmentQueues queues, UnitsBehind behind, CriteriaDrafts drafts) {
        this.units = units;
        this.queues = queues;
        this.behind = behind;
        this.drafts = drafts;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal CurrentUser user, Model model) {
        int year = Year.now().getValue();
        model.addAttribute("unit", units.get(user.unitId()));
        model.addAttribute("children", units.children(user.unitId(), false));
        model.addAttribute("role", user.role().name());
        model.addAttribute("work", work(user, year));
        model.addAttribute("behind", switch (user.role()) {
            case PROVINCE_OFFICER -> behind.childrenBehind(user, user.unitId(), year);
            default -> List.of();
        });
        model.addAttribute("year", String.valueOf(year));
        return "system/home";
    }

    private List<WorkItem> work(CurrentUser user, int year) {
        List<WorkItem> items = new ArrayList<>();
        String y = String.valueOf(year);
        switch (user.role()) {
            case VERIFIER -> {
                Map<AssessmentState, Long> states = queues.byState(user, year);
                items.add(state(states, AssessmentState.SUBMITTED, y));
            }
            case COMMUNE_OFFICER -> {
                items.add(new WorkItem("queue-not-started", "home.queue.notStarted", queues.notStarted(user, year), y,
                        "/assessments/not-started?year=" + y));
                Map<AssessmentState, Long> states = queues.byState(user, year);
                items.add(state(states, AssessmentState.RETURNED, y));
                items.add(state(states, AssessmentState.SUBMITTED, y));
                items.add(state(states, AssessmentState.VERIFIED, y));
                // a year's decisions are often made early in the next one
                String last = String.valueOf(year - 1);
                long lastYear = queues.byState(user, year - 1).getOrDefault(AssessmentState.VERIFIED, 0L);
                if (lastYear > 0) {
                    items.add(new WorkItem("queue-verified-last-year", "home.queue.VERIFIED", lastYear, last,
                            "/assessments?year=" + last + "&state=VERIFIED"));
                }
            }
            case ADMIN -> items.add(new WorkItem("queue-drafts", "home.queue.drafts", drafts.count(user), y,
                    "/criteria"));
            default -> { }
        }
        return items;
    }

    private static WorkItem state(Map<AssessmentState, Long> states, AssessmentState state, String year) {
        return new WorkItem("queue-" + state.name().toLowerCase(java.util.Locale.ROOT), "home.queue." + state.name(),
                states.getOrDefault(state, 0L), year, "/assessments?year=" + year + "&state=" + state.name());
    }
}
