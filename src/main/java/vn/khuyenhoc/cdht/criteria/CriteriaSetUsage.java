package vn.khuyenhoc.cdht.criteria;

/**
 * Extension point for modules whose data names a criteria set (assessments). Deleting a draft asks every bean of
 * this type first; the foreign key {@code criteria_set_id REFERENCES criteria_set (id)} of such tables is the
 * backstop, and the criteria module turns its violation into the same clear refusal.
 */
public interface CriteriaSetUsage {

    /** Whether any record of the implementing module refers to the criteria set. */
    boolean uses(long criteriaSetId);
}
