package vn.khuyenhoc.cdht.report;

import java.util.List;

/**
 * One row of the children table: a child unit's subtree, or (unit null) what hangs directly on the unit itself,
 * such as citizens living at commune level or a province's own learning units; or (unit null, elsewhere true) on
 * the boundaries of the time, what was counted under units not valid in that year (memberships counted by today's
 * residence), so that the rows still add up to the total.
 */
public record ChildRow(UnitRef unit, long registered, long assessed, long recognised,
        List<IndicatorLight> indicators, boolean elsewhere) {

    public boolean direct() {
        return unit == null;
    }
}
