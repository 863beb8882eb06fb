package vn.khuyenhoc.cdht.shared;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates as Vietnamese users write them: dd/MM/yyyy. */
public final class Dates {

    public static final String PATTERN = "dd/MM/yyyy";
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern(PATTERN);

    private Dates() {
    }

    public static String format(LocalDate date) {
        return date == null ? "" : FORMAT.format(date);
    }
}
