package vn.khuyenhoc.cdht.report;

import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * The report module's traffic lights for other modules' pages (the province officer's work queue): the children of
 * a unit whose rate of some indicator is behind the path to its target, as the dashboard shows them. Asks the
 * dashboard's own figures ({@link Dashboards#view}), so the lights are computed in one place; costs what the unit's
 * dashboard costs (sums over the roll-up rows of its subtree). Scope as the dashboard: 404/403.
 */
@Service
@Transactional(readOnly = true)
public class UnitsBehind {

    private final Dashboards dashboards;

    UnitsBehind(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    /** The unit's current children behind on at least one indicator in the year, with those indicators. */
    public List<UnitBehind> childrenBehind(CurrentUser user, long unitId, int year) {
        return dashboards.view(user, unitId, year, Boundaries.CURRENT).children().stream()
                .filter(child -> !child.direct())
                .map(child -> new UnitBehind(child.unit(), child.indicators().stream()
                        .filter(light -> light.light() == TrafficLight.BEHIND).map(IndicatorLight::indicator)
                        .toList()))
                .filter(behind -> !behind.indicators().isEmpty())
                .toList();
    }

    /** A unit and the indicators on which it is behind. */
    public record UnitBehind(UnitRef unit, List<Indicator> indicators) {
    }
}
