package vn.khuyenhoc.cdht.report;

/** A unit as reports name it. */
public record UnitRef(long id, String code, String name, String levelName, boolean current) {
}
