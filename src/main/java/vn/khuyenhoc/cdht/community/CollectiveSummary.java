package vn.khuyenhoc.cdht.community;

/** What other modules and pages see of a household, clan, hamlet community or learning unit. */
public record CollectiveSummary(long id, CollectiveKind kind, String name, long unitId, String unitCode,
        String unitName, LearningUnitType unitType, long version) {

    /** The name with the unit it hangs on, for option lists. */
    public String label() {
        return name + " (" + unitName + ")";
    }
}
