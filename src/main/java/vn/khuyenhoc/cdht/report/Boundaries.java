package vn.khuyenhoc.cdht.report;

import java.util.Locale;

/**
 * Which map a year is shown on: today's units (a retired unit's rows counted under its current successor, the
 * default), or the units of the time (rows where they were recorded).
 */
public enum Boundaries {
    CURRENT,
    HISTORICAL;

    /** The request parameter's spelling: current, historical. */
    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Null or blank is CURRENT; anything else unknown is refused. */
    static Boundaries parse(String text) {
        if (text == null || text.isBlank()) {
            return CURRENT;
        }
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
