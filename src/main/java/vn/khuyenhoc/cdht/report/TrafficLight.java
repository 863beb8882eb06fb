package vn.khuyenhoc.cdht.report;

/**
 * Where a rate stands against its targets ({@link Progress}): MET at or above the next target, ON_TRACK at or
 * above the straight line toward it, BEHIND below; NO_DATA without a denominator, NO_TARGET without any target.
 */
public enum TrafficLight {
    MET("bg-success"),
    ON_TRACK("bg-warning text-dark"),
    BEHIND("bg-danger"),
    NO_DATA("bg-light text-dark"),
    NO_TARGET("bg-secondary");

    private final String badgeClass;

    TrafficLight(String badgeClass) {
        this.badgeClass = badgeClass;
    }

    /** Bootstrap classes of the badge that shows it. */
    public String badgeClass() {
        return badgeClass;
    }
}
