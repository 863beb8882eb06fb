package vn.khuyenhoc.cdht.recognition;

import java.util.List;

/** One commune's notice-board list for a year. */
public record PublicPage(String communeName, int year, List<PublicEntry> entries) {

    public PublicPage {
        entries = List.copyOf(entries);
    }

    /** The year as text: a number argument of a message would print with a thousands separator. */
    public String yearText() {
        return String.valueOf(year);
    }
}
