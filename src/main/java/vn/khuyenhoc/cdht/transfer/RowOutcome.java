package vn.khuyenhoc.cdht.transfer;

import java.util.List;

/**
 * What an import does (dry run) or did with one row: to the citizen and to the assessment, or the errors that
 * stop it. Read by the result page, hence public.
 */
public record RowOutcome(int row, String name, Action citizen, Action assessment, List<RowError> errors)
        implements java.io.Serializable {

    public enum Action {
        NONE, CREATE, UPDATE, UNCHANGED
    }

    public boolean failed() {
        return !errors.isEmpty();
    }

    /** The row as one word: error, created, updated or unchanged. */
    public String summaryKey() {
        if (failed()) {
            return "transfer.outcome.ERROR";
        }
        if (citizen == Action.CREATE || assessment == Action.CREATE) {
            return "transfer.outcome.CREATE";
        }
        if (citizen == Action.UPDATE || assessment == Action.UPDATE) {
            return "transfer.outcome.UPDATE";
        }
        return "transfer.outcome.UNCHANGED";
    }
}
