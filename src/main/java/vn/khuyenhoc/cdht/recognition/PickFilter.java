package vn.khuyenhoc.cdht.recognition;

/**
 * What the pick page shows: one hamlet of the decision's commune (null: the whole commune), one target group (null:
 * all), and either the assessments that passed or, listed apart, those that failed.
 */
record PickFilter(Long hamletId, String targetGroup, boolean failures) {

    PickFilter {
        targetGroup = targetGroup == null || targetGroup.isBlank() ? null : targetGroup;
    }

    boolean narrowed() {
        return hamletId != null || targetGroup != null;
    }
}
