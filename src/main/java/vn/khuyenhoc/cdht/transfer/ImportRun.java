package vn.khuyenhoc.cdht.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One pass over a file, dry run or commit: the header, then the rows in chunks, each chunk parsed
 * ({@link RowParser}), matched with citizens ({@link CitizenMatcher}), its assessments decided by the assessment
 * module ({@link AssessmentRows}), written on commit when no row so far has an error ({@link ImportWriter}), and
 * counted ({@link ImportTally}). Keeps the wall-clock per phase for the commit's log line.
 */
final class ImportRun implements SheetReader.RowHandler {

    /** A progress counter that may stop the run between chunks (its node is stopping): it throws. */
    interface Checkpoint {
        void reached();
    }

    /** What a run needs, built by {@link ImportEngine} for the user's request. */
    record Parts(ImportEngine.Request request, boolean commit, int maxRows, int chunkRows, int shownRows,
            JdbcTemplate jdbc, RowMessages messages, Function<Map<Integer, ImportHeader.Column>, RowParser> parser,
            CitizenMatcher citizens, AssessmentRows assessments, ImportWriter writer) {
    }

    private final Parts parts;
    private final AtomicInteger progress;
    private final Path errorsCsv;
    private final List<SheetReader.Row> chunk = new ArrayList<>();
    private RowParser parser;
    private ImportTally tally;
    // wall-clock per phase, logged after a commit
    long parseNanos;
    long lookupNanos;
    long writeNanos;
    long executed;
    boolean customPlans;

    ImportRun(Parts parts, AtomicInteger progress, Path errorsCsv) {
        this.parts = parts;
        this.progress = progress;
        this.errorsCsv = errorsCsv;
    }

    ImportReport execute() {
        try (BufferedWriter writer = Files.newBufferedWriter(errorsCsv, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            CSVPrinter errors = new CSVPrinter(writer, CSVFormat.DEFAULT);
            RowMessages messages = parts.messages();
            errors.printRecord(messages.text("transfer.errors.row"), messages.text("transfer.errors.column"),
                    messages.text("transfer.errors.message"));
            tally = new ImportTally(parts.shownRows(), errors);
            SheetReader.read(parts.request().file(), parts.request().format(), this);
            if (parser == null) {
                throw new FileProblem("transfer.file.noRows");
            }
            flushChunk();
            if (tally.rows() == 0) {
                throw new FileProblem("transfer.file.noRows");
            }
            if (parts.commit() && tally.errorCount() == 0) {
                parts.writer().announce();
            }
            errors.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tally.report();
    }

    @Override
    public void row(SheetReader.Row row) {
        if (ImportEngine.blank(row.cells())) {
            return;
        }
        if (parser == null) {
            parser = parts.parser().apply(ImportHeader.read(row.cells()));
            return;
        }
        if (tally.rows() + chunk.size() >= parts.maxRows()) {
            throw new FileProblem("transfer.file.tooManyRows", parts.maxRows());
        }
        chunk.add(row);
        if (chunk.size() >= parts.chunkRows()) {
            flushChunk();
        }
    }

    private void flushChunk() {
        if (chunk.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        List<ImportLine> lines = new ArrayList<>(chunk.size());
        for (SheetReader.Row row : chunk) {
            lines.add(parser.parse(row));
        }
        chunk.clear();
        long t1 = System.nanoTime();
        JdbcTemplate jdbc = parts.jdbc();
        if (customPlans) {
            // Bitmap scans off as well: on the statistics of a "small" table the planner sends the name look-up
            // through the trigram GIN index (V88), which GIN can only read as a bitmap and which then scans the
            // pending list of every name this transaction inserted (100,000 rows: look-ups 356 s, against 1.1 s
            // through the B-tree, which a plain index scan uses).
            jdbc.execute("set local plan_cache_mode = force_custom_plan");
            jdbc.execute("set local enable_bitmapscan = off");
        }
        parts.citizens().match(lines);
        parts.assessments().decide(lines);
        if (customPlans) {
            jdbc.execute("set local plan_cache_mode = auto");
            jdbc.execute("set local enable_bitmapscan = on");
        }
        long t2 = System.nanoTime();
        if (parts.commit() && tally.errorCount() == 0 && lines.stream().allMatch(ImportLine::ok)) {
            parts.writer().write(lines);
        }
        long t3 = System.nanoTime();
        parseNanos += t1 - t0;
        lookupNanos += t2 - t1;
        writeNanos += t3 - t2;
        for (ImportLine line : lines) {
            tally.record(line);
        }
        progress.addAndGet(lines.size());
        if (progress instanceof Checkpoint checkpoint) {
            checkpoint.reached();
        }
    }
}
