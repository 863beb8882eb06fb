package vn.khuyenhoc.cdht.criteria;

import java.util.Map;

/**
 * Extension point for modules whose data names a criteria set (assessments). Deleting a draft asks every bean of
 * this type first; the foreign key {@code criteria_set_id REFERENCES criteria_set (id)} of such tables is the
 * backstop, and the criteria module turns its violation into the same clear refusal. Publishing a new version over
 * a set's years asks which of those years the set has already scored.
 */
public interface CriteriaSetUsage {

    /** Whether any record of the implementing module refers to the criteria set. */
    boolean uses(long criteriaSetId);

    /**
     * How many records of each year from {@code fromYear} on refer to the set (years without any left out); a module
     * whose records have no year answers nothing.
     */
    default Map<Integer, Long> countsByYear(long criteriaSetId, int fromYear) {
        return Map.of();
    }
}
