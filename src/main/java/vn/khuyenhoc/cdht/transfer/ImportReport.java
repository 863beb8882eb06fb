package vn.khuyenhoc.cdht.transfer;

import java.util.List;

/**
 * The outcome of a dry run or a commit: counts over every row, the first rows and errors for the page (the full
 * error list is the job's CSV report), and whether the commit wrote anything.
 */
public record ImportReport(int rows, int created, int updated, int unchanged, int failed, int errorCount,
        int citizensCreated, int citizensUpdated, int assessmentsCreated, int assessmentsUpdated,
        List<RowOutcome> shownRows, List<RowError> shownErrors, boolean committed)
        implements java.io.Serializable {

    public boolean hasErrors() {
        return errorCount > 0;
    }

    public boolean hasChanges() {
        return created + updated > 0;
    }

    public boolean rowsTruncated() {
        return shownRows.size() < rows;
    }

    public boolean errorsTruncated() {
        return shownErrors.size() < errorCount;
    }
}
