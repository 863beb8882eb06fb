package vn.khuyenhoc.cdht.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Moments as pages and slips show them: Vietnam's time, day first. */
final class Times {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy").withZone(VIETNAM);

    private Times() {
    }

    /**
     * A TIMESTAMP WITH TIME ZONE read into a map by JDBC: PostgreSQL's driver gives a Timestamp, H2 an
     * OffsetDateTime.
     */
    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        throw new IllegalArgumentException("not a moment: " + value.getClass());
    }

    static String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant);
    }

    static String day(Instant instant) {
        return instant == null ? "" : DAY.format(instant);
    }
}
