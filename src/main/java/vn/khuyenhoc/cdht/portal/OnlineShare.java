package vn.khuyenhoc.cdht.portal;

/** A unit's assessments of a year and how many of them citizens entered themselves online. */
public record OnlineShare(long unitId, String unitName, long total, long online) {

    /** Percentage with one decimal, 0 when there is no assessment. */
    public double percent() {
        return total == 0 ? 0 : Math.round(online * 1000.0 / total) / 10.0;
    }
}
