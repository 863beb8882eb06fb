package vn.khuyenhoc.cdht.community;

/** One line of a collectives list, with its status in the year the list is about (null: not recorded). */
public record CollectiveRow(long id, CollectiveKind kind, String name, String unitName, LearningUnitType unitType,
        Boolean recognised, Integer memberCount) {
}
