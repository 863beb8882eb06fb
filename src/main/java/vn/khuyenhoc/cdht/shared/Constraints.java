package vn.khuyenhoc.cdht.shared;

import java.sql.SQLException;
import java.util.Locale;
import java.util.function.Supplier;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Which database constraint an integrity error broke, so that a service turns only its own constraint into a
 * message (a unique code, a unique CCCD) and lets every other integrity error through to the error page, instead
 * of calling every failure a uniqueness clash.
 */
public final class Constraints {

    private Constraints() {
    }

    /** A unique key refused the row (SQLSTATE 23505, the same on PostgreSQL and H2). */
    public static boolean uniqueViolation(DataIntegrityViolationException error) {
        return sqlState(error, "23505");
    }

    /**
     * Runs a save that a unique key may refuse because someone else stored the same row at the same moment: that
     * refusal becomes the exception {@code clash} gives (a message for the user); any other integrity error goes on
     * to the error page.
     */
    public static <T> T unlessClash(Supplier<T> save, Supplier<? extends RuntimeException> clash) {
        try {
            return save.get();
        } catch (DataIntegrityViolationException e) {
            if (!uniqueViolation(e)) {
                throw e;
            }
            throw clash.get();
        }
    }

    /** A foreign key refused the change: rows still refer to what was deleted (SQLSTATE 23503). */
    public static boolean foreignKeyViolation(DataIntegrityViolationException error) {
        return sqlState(error, "23503");
    }

    private static boolean sqlState(DataIntegrityViolationException error, String state) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && state.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** True when the error names the constraint (PostgreSQL reports it; H2 puts it in the message). */
    public static boolean violated(DataIntegrityViolationException error, String constraint) {
        String wanted = constraint.toLowerCase(Locale.ROOT);
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null) {
                return violation.getConstraintName().toLowerCase(Locale.ROOT).contains(wanted);
            }
            if (cause instanceof SQLException sql && sql.getMessage() != null
                    && sql.getMessage().toLowerCase(Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }
}
