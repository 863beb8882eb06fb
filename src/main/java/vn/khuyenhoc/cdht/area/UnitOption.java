package vn.khuyenhoc.cdht.area;

/** A unit offered on a form: the code is what the form posts, the name what the user reads. */
public record UnitOption(long id, String code, String name, String levelCode) {
}
