package vn.khuyenhoc.cdht.report;

import java.util.List;

/**
 * One row of the children table: a child unit's subtree, or (unit null) what hangs directly on the unit itself,
 * such as citizens living at commune level or a province's own learning units.
 */
public record ChildRow(UnitRef unit, long registered, long assessed, long recognised,
        List<IndicatorLight> indicators) {

    public boolean direct() {
        return unit == null;
    }
}
