package vn.khuyenhoc.cdht.community;

/** A collective as typed on a form or read from an import row, before any rule has looked at it. */
public record CollectiveDraft(CollectiveKind kind, String name, String unitCode, LearningUnitType unitType) {
}
