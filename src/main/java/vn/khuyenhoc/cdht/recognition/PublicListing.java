package vn.khuyenhoc.cdht.recognition;

/** A commune and year for which the public list has recognised citizens. */
public record PublicListing(String communeCode, String communeName, int year) {
}
