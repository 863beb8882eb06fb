package vn.khuyenhoc.cdht.recognition;

/** A citizen on the public notice-board list: name, birth year and hamlet, nothing more (Decree 13/2023). */
public record PublicEntry(String fullName, int birthYear, String hamletName) {
}
