package vn.khuyenhoc.cdht.transfer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import vn.khuyenhoc.cdht.assessment.AssessmentState;

/**
 * One uploaded file and what has been done with it: a dry run, then perhaps a commit. The file waits in a
 * temporary file, never in memory. Read by the progress and result pages, hence public.
 */
public final class ImportJob {

    public enum Phase {
        DRY_RUN, COMMIT
    }

    public enum Status {
        QUEUED, RUNNING, DONE, FAILED
    }

    private final String id;
    private final String owner;
    private final String fileName;
    private final Path file;
    private final Path errorsCsv;
    private final SheetReader.Format format;
    private final AssessmentState state;
    private final int year;
    private final Locale locale;
    private final Instant createdAt = Instant.now();
    private final AtomicInteger processed = new AtomicInteger();
    private volatile Phase phase = Phase.DRY_RUN;
    private volatile Status status = Status.QUEUED;
    private volatile Integer total;
    private volatile ImportReport report;
    private volatile String failure;

    ImportJob(String id, String owner, String fileName, Path file, Path errorsCsv, SheetReader.Format format,
            AssessmentState state, int year, Locale locale) {
        this.id = id;
        this.owner = owner;
        this.fileName = fileName;
        this.file = file;
        this.errorsCsv = errorsCsv;
        this.format = format;
        this.state = state;
        this.year = year;
        this.locale = locale;
    }

    void start(Phase newPhase) {
        this.phase = newPhase;
        this.status = Status.QUEUED;
        this.processed.set(0);
        this.report = null;
        this.failure = null;
    }

    void running(int totalRows) {
        this.total = totalRows;
        this.status = Status.RUNNING;
    }

    void done(ImportReport result) {
        this.report = result;
        this.status = Status.DONE;
    }

    void failed(String message) {
        this.failure = message;
        this.status = Status.FAILED;
    }

    ImportEngine.Request request() {
        return new ImportEngine.Request(file, fileName, format, state, year);
    }

    public String getId() {
        return id;
    }

    String owner() {
        return owner;
    }

    public String getFileName() {
        return fileName;
    }

    Path file() {
        return file;
    }

    Path errorsCsv() {
        return errorsCsv;
    }

    Locale locale() {
        return locale;
    }

    AtomicInteger progress() {
        return processed;
    }

    public AssessmentState getState() {
        return state;
    }

    public int getYear() {
        return year;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Phase getPhase() {
        return phase;
    }

    public Status getStatus() {
        return status;
    }

    public boolean isFinished() {
        return status == Status.DONE || status == Status.FAILED;
    }

    public int getProcessed() {
        return processed.get();
    }

    public Integer getTotal() {
        return total;
    }

    public int getPercent() {
        Integer t = total;
        return t == null || t == 0 ? 0 : (int) Math.min(100, processed.get() * 100L / t);
    }

    public ImportReport getReport() {
        return report;
    }

    public String getFailure() {
        return failure;
    }

    /** A clean dry run with something to write: the commit button shows. */
    public boolean isCommittable() {
        return phase == Phase.DRY_RUN && status == Status.DONE && report != null && !report.hasErrors()
                && report.hasChanges();
    }
}
