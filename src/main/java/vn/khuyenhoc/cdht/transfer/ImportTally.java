package vn.khuyenhoc.cdht.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;
import vn.khuyenhoc.cdht.transfer.RowOutcome.Action;

/**
 * Counts what an import did row by row, keeps the first rows and errors for the page and writes every error to the
 * downloadable report.
 */
final class ImportTally {

    private final int shownLimit;
    private final CSVPrinter errors;
    private int rows;
    private int created;
    private int updated;
    private int unchanged;
    private int failed;
    private int errorCount;
    private int citizensCreated;
    private int citizensUpdated;
    private int assessmentsCreated;
    private int assessmentsUpdated;
    private final List<RowOutcome> shownRows = new ArrayList<>();
    private final List<RowError> shownErrors = new ArrayList<>();

    ImportTally(int shownLimit, CSVPrinter errors) {
        this.shownLimit = shownLimit;
        this.errors = errors;
    }

    void record(ImportLine line) {
        rows++;
        RowOutcome outcome = new RowOutcome(line.row, line.name, line.citizenAction, line.assessmentAction,
                List.copyOf(line.errors));
        if (outcome.failed()) {
            failed++;
        } else if (outcome.summaryKey().endsWith("CREATE")) {
            created++;
        } else if (outcome.summaryKey().endsWith("UPDATE")) {
            updated++;
        } else {
            unchanged++;
        }
        if (!outcome.failed()) {
            citizensCreated += line.citizenAction == Action.CREATE ? 1 : 0;
            citizensUpdated += line.citizenAction == Action.UPDATE ? 1 : 0;
            assessmentsCreated += line.assessmentAction == Action.CREATE ? 1 : 0;
            assessmentsUpdated += line.assessmentAction == Action.UPDATE ? 1 : 0;
        }
        if (shownRows.size() < shownLimit) {
            shownRows.add(outcome);
        }
        for (RowError error : line.errors) {
            errorCount++;
            if (shownErrors.size() < shownLimit) {
                shownErrors.add(error);
            }
            try {
                errors.printRecord(error.row(), error.column(), error.message());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    int rows() {
        return rows;
    }

    int errorCount() {
        return errorCount;
    }

    ImportReport report() {
        return new ImportReport(rows, created, updated, unchanged, failed, errorCount, citizensCreated,
                citizensUpdated, assessmentsCreated, assessmentsUpdated, List.copyOf(shownRows),
                List.copyOf(shownErrors), false);
    }
}
