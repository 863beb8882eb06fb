package vn.khuyenhoc.cdht.criteria;

/** DRAFT (editable) → PUBLISHED (immutable, usable by assessments) → RETIRED (kept for the assessments that used it). */
public enum CriteriaStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
