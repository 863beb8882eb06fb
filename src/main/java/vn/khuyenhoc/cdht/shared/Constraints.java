package vn.khuyenhoc.cdht.shared;

import java.sql.SQLException;
import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Which database constraint an integrity error broke, so that a service turns only its own constraint into a
 * message (a unique code, a unique CCCD) and lets every other integrity error through to the error page, instead
 * of calling every failure a uniqueness clash.
 */
public final class Constraints {

    private Constraints() {
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
