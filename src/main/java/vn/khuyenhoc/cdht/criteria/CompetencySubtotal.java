package vn.khuyenhoc.cdht.criteria;

/** The points one competency's indicators add up to, beside its maximum and its optional minimum. */
public record CompetencySubtotal(String code, String name, int points, int maxPoints, Integer minPoints) {
}
