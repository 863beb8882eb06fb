package vn.khuyenhoc.cdht.transfer;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.assessment.AssessmentBulkImport;
import vn.khuyenhoc.cdht.assessment.AssessmentState;
import vn.khuyenhoc.cdht.audit.AuditBatch;
import vn.khuyenhoc.cdht.citizen.CitizenBulkWriter;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.JdbcBatches;

/**
 * Validates an uploaded file row by row and, on commit, writes it. The file is streamed in chunks (see
 * {@link ImportRun} for the phases): each chunk is parsed, its existing citizens and assessments are looked up in one
 * query each, every row is decided (create, update, unchanged, or errors with row, column and message) and, on
 * commit, written with JDBC batches. A commit is one transaction: a single error anywhere rolls all of it back. Dry
 * run and commit share every rule, so a clean dry run predicts the commit, and a file imported once is "unchanged"
 * on every row the second time.
 *
 * <p>The rules are the owners': the citizen's fields are checked by the citizen module, the assessment's workflow,
 * roles, separation of duties and scores by the assessment module. This module parses, matches and reports.
 */
@Component
class ImportEngine {

    private static final Logger log = LoggerFactory.getLogger(ImportEngine.class);

    private final CitizenBulkWriter citizens;
    private final AssessmentBulkImport assessments;
    private final AuditBatch audit;
    private final Units units;
    private final UnitScope scope;
    private final CriteriaCatalog catalog;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final TransferProperties properties;
    private final JdbcTemplate jdbc;

    ImportEngine(CitizenBulkWriter citizens, AssessmentBulkImport assessments, AuditBatch audit, Units units,
            UnitScope scope, CriteriaCatalog catalog, MessageSource messages,
            PlatformTransactionManager transactionManager, TransferProperties properties, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.assessments = assessments;
        this.audit = audit;
        this.units = units;
        this.scope = scope;
        this.catalog = catalog;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    /** What the user asked for: the file, the state imported assessments get, the year for rows without one. */
    record Request(Path file, String fileName, SheetReader.Format format, AssessmentState state, int defaultYear) {
    }

    /** Counts data rows (and checks the file's format and row limit) before any work on the database. */
    int countRows(Request request) {
        AtomicInteger rows = new AtomicInteger();
        SheetReader.read(request.file(), request.format(), row -> {
            if (row.number() > 1 && !blank(row.cells())) {
                if (rows.incrementAndGet() > properties.maxRows()) {
                    throw new FileProblem("transfer.file.tooManyRows", properties.maxRows());
                }
            }
        });
        if (rows.get() == 0) {
            throw new FileProblem("transfer.file.noRows");
        }
        return rows.get();
    }

    /**
     * Runs the file. Commit: in one transaction, rolled back if any row has an error. errorsCsv receives every
     * error; progress counts the rows done.
     */
    ImportReport run(CurrentUser user, Request request, boolean commit, AtomicInteger progress, Locale locale,
            Path errorsCsv) {
        scope.requireWriter(user);
        if (!commit) {
            return run(user, request, false, progress, locale, errorsCsv, false).execute();
        }
        long started = System.nanoTime();
        ImportRun[] run = new ImportRun[1];
        ImportReport result = transactions.execute(status -> {
            boolean postgres = JdbcBatches.postgres(jdbc);
            run[0] = run(user, request, true, progress, locale, errorsCsv, postgres);
            if (postgres) {
                // The look-ups run inside the transaction that is inserting thousands of rows the planner's
                // statistics do not know about yet: on a small table it would scan sequentially, once per chunk,
                // which makes the import quadratic. The indexes (CCCD hash, folded name, citizen + year) are right.
                // Custom plans only: a generic plan cached by the dry run on the same pooled connection (a table of
                // a few rows then) would otherwise be reused whatever the setting above.
                // Custom plans are forced only around each chunk's look-ups (ImportRun): forced for the whole
                // transaction they also re-planned every foreign-key check of the writes, one per row written.
                jdbc.execute("set local enable_seqscan = off");
            }
            ImportReport report = run[0].execute();
            if (postgres) {
                // the roll-up refresh before commit plans freely
                jdbc.execute("set local enable_seqscan = on");
            }
            if (report.hasErrors()) {
                status.setRollbackOnly();
                return withCommitted(report, false);
            }
            run[0].executed = System.nanoTime();
            return withCommitted(report, true);
        });
        ImportRun r = run[0];
        long total = System.nanoTime() - started;
        log.info("import commit of {} rows: {} ms (parse + checks {} ms, look-ups {} ms, writes {} ms, "
                + "roll-up refresh + commit {} ms)", result.rows(), total / 1_000_000, r.parseNanos / 1_000_000,
                r.lookupNanos / 1_000_000, r.writeNanos / 1_000_000,
                r.executed == 0 ? 0 : (System.nanoTime() - r.executed) / 1_000_000);
        return result;
    }

    private ImportRun run(CurrentUser user, Request request, boolean commit, AtomicInteger progress, Locale locale,
            Path errorsCsv, boolean customPlans) {
        RowMessages words = new RowMessages(messages, locale);
        UnitPaths paths = new UnitPaths(scope, user);
        ImportRun.Parts parts = new ImportRun.Parts(request, commit, properties.maxRows(), properties.chunkRows(),
                properties.shownRows(), jdbc, words,
                columns -> new RowParser(columns, citizens, units, paths, catalog.targetGroups(), words,
                        request.defaultYear()),
                new CitizenMatcher(citizens, paths, words),
                new AssessmentRows(assessments, assessments.check(user, request.state()), words),
                new ImportWriter(citizens, assessments, audit, user.username(), request.fileName()));
        ImportRun run = new ImportRun(parts, progress, errorsCsv);
        run.customPlans = customPlans;
        return run;
    }

    private static ImportReport withCommitted(ImportReport r, boolean committed) {
        return new ImportReport(r.rows(), r.created(), r.updated(), r.unchanged(), r.failed(), r.errorCount(),
                r.citizensCreated(), r.citizensUpdated(), r.assessmentsCreated(), r.assessmentsUpdated(),
                r.shownRows(), r.shownErrors(), committed);
    }

    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }
}
