package vn.khuyenhoc.cdht.transfer;

import java.time.Instant;
import vn.khuyenhoc.cdht.assessment.AssessmentState;

/**
 * One uploaded file and what has been done with it, as last written to the {@code import_job} table: a dry run,
 * then perhaps a commit. Whichever node serves the page reads it there. Read by the progress and result pages,
 * hence public.
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
    private final AssessmentState state;
    private final int year;
    private final Instant createdAt;
    private final Phase phase;
    private final Status status;
    private final int processed;
    private final Integer total;
    private final ImportReport report;
    private final String failure;

    ImportJob(String id, String owner, String fileName, AssessmentState state, int year, Instant createdAt,
            Phase phase, Status status, int processed, Integer total, ImportReport report, String failure) {
        this.id = id;
        this.owner = owner;
        this.fileName = fileName;
        this.state = state;
        this.year = year;
        this.createdAt = createdAt;
        this.phase = phase;
        this.status = status;
        this.processed = processed;
        this.total = total;
        this.report = report;
        this.failure = failure;
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
        return processed;
    }

    public Integer getTotal() {
        return total;
    }

    public int getPercent() {
        Integer t = total;
        return t == null || t == 0 ? 0 : (int) Math.min(100, processed * 100L / t);
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
