package vn.khuyenhoc.cdht.criteria;

/**
 * DRAFT (editable) → PUBLISHED (immutable, usable by new assessments) → RETIRED (kept for the assessments that
 * used it).
 */
public enum CriteriaStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
