package vn.khuyenhoc.cdht.report;

/** Population figures of a unit and year as the list shows them. */
public record PopulationRow(long id, long unitId, String unitCode, String unitName, int year,
        PopulationFigures figures, long version) {
}
