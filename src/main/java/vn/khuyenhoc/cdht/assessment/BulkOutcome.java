package vn.khuyenhoc.cdht.assessment;

import java.util.List;

/**
 * One row of a bulk action's report: the assessment, and either success or the reason it was left as it was
 * (a message key with its arguments).
 */
public record BulkOutcome(long assessmentId, String citizenName, boolean ok, String messageKey,
        List<Object> arguments) implements java.io.Serializable {

    public BulkOutcome {
        arguments = List.copyOf(arguments);
    }

    static BulkOutcome done(long id, String citizenName) {
        return new BulkOutcome(id, citizenName, true, null, List.of());
    }

    static BulkOutcome refused(long id, String citizenName, String messageKey, Object... arguments) {
        return new BulkOutcome(id, citizenName, false, messageKey, List.of(arguments));
    }

    public Object[] args() {
        return arguments.toArray();
    }
}
