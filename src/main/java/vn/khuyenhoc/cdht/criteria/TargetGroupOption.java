package vn.khuyenhoc.cdht.criteria;

/** A target group as other modules see it: citizens store the code. */
public record TargetGroupOption(String code, String name, int sortOrder) {
}
