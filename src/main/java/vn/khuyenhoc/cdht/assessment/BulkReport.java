package vn.khuyenhoc.cdht.assessment;

import java.util.List;

/**
 * What a bulk action did, row by row.
 *
 * @param actionKey message key naming the action
 * @param truncated more rows matched than one request handles; running it again continues
 */
public record BulkReport(String actionKey, List<BulkOutcome> outcomes, boolean truncated)
        implements java.io.Serializable {

    public BulkReport {
        outcomes = List.copyOf(outcomes);
    }

    public long succeeded() {
        return outcomes.stream().filter(BulkOutcome::ok).count();
    }

    public long refused() {
        return outcomes.size() - succeeded();
    }
}
