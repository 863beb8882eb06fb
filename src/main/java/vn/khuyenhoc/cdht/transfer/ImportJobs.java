package vn.khuyenhoc.cdht.transfer;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.stereotype.Service;
import vn.khuyenhoc.cdht.assessment.AssessmentState;
import vn.khuyenhoc.cdht.community.DataEntryScope;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * Imports as background jobs: the upload lands in a temporary file, a bounded pool runs the dry run and, when the
 * user confirms, the commit; pages poll the job for progress. One job per user at a time; a user sees only their
 * own jobs (anyone else's id is unknown: 404). A new upload forgets the user's previous job and its files.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    private final ImportEngine engine;
    private final DataEntryScope scope;
    private final MessageSource messages;
    private final TransferProperties properties;
    private final ThreadPoolExecutor pool;
    private final Map<String, ImportJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, CurrentUser> owners = new ConcurrentHashMap<>();

    ImportJobs(ImportEngine engine, DataEntryScope scope, MessageSource messages, TransferProperties properties) {
        this.engine = engine;
        this.scope = scope;
        this.messages = messages;
        this.properties = properties;
        this.pool = new ThreadPoolExecutor(properties.workers(), properties.workers(), 1, TimeUnit.MINUTES,
                new ArrayBlockingQueue<>(properties.workers() * 4), r -> {
                    Thread thread = new Thread(r, "cdht-import");
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /**
     * Takes an upload and starts its dry run. Refuses readers, a state other than DRAFT or SUBMITTED, an empty or
     * too big file, a format that is neither .xlsx nor CSV, and a second job while one runs.
     */
    public ImportJob upload(CurrentUser user, String fileName, long size, InputStream content, AssessmentState state,
            int year, Locale locale) {
        scope.requireWriter(user);
        if (state != AssessmentState.DRAFT && state != AssessmentState.SUBMITTED) {
            throw new BusinessRuleException("transfer.upload.state");
        }
        if (size <= 0) {
            throw new BusinessRuleException("transfer.file.empty");
        }
        if (size > properties.maxFileSize().toBytes()) {
            throw new BusinessRuleException("transfer.file.tooBig", properties.maxFileSize().toMegabytes());
        }
        ImportJob previous = current(user);
        if (previous != null && !previous.isFinished()) {
            throw new BusinessRuleException("transfer.job.busy");
        }
        forget(previous);
        Path file = null;
        Path errors = null;
        try {
            file = Files.createTempFile("cdht-import-", ".upload");
            errors = Files.createTempFile("cdht-import-", "-errors.csv");
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            SheetReader.Format format = SheetReader.detect(file);
            String name = fileName == null || fileName.isBlank() ? "upload" : Path.of(fileName).getFileName()
                    .toString();
            ImportJob job = new ImportJob(UUID.randomUUID().toString(), user.username(), name, file, errors, format,
                    state, year, locale);
            jobs.put(job.getId(), job);
            owners.put(job.getId(), user);
            submit(job, ImportJob.Phase.DRY_RUN);
            return job;
        } catch (FileProblem e) {
            delete(file);
            delete(errors);
            throw new BusinessRuleException(e.messageKey(), e.arguments());
        } catch (IOException e) {
            delete(file);
            delete(errors);
            throw new BusinessRuleException("transfer.file.unreadable");
        }
    }

    /** The user's own job; 404 for anyone else's or an unknown id. */
    public ImportJob get(CurrentUser user, String id) {
        ImportJob job = id == null ? null : jobs.get(id);
        if (job == null || !job.owner().equals(user.username())) {
            throw new NotFoundException("import job " + id);
        }
        return job;
    }

    /** Writes the file after a clean dry run: one transaction, all rows or none. */
    public ImportJob commit(CurrentUser user, String id) {
        scope.requireWriter(user);
        ImportJob job = get(user, id);
        if (!job.isCommittable()) {
            throw new BusinessRuleException("transfer.job.notCommittable");
        }
        submit(job, ImportJob.Phase.COMMIT);
        return job;
    }

    Path errorsCsv(CurrentUser user, String id) {
        ImportJob job = get(user, id);
        if (!job.isFinished()) {
            throw new NotFoundException("import job " + id + " still running");
        }
        return job.errorsCsv();
    }

    private ImportJob current(CurrentUser user) {
        return jobs.values().stream().filter(j -> j.owner().equals(user.username())).findFirst().orElse(null);
    }

    private void submit(ImportJob job, ImportJob.Phase phase) {
        job.start(phase);
        try {
            pool.execute(() -> run(job, phase));
        } catch (RejectedExecutionException e) {
            job.failed(messages.getMessage("transfer.job.serverBusy", null, job.locale()));
            throw new BusinessRuleException("transfer.job.serverBusy");
        }
    }

    private void run(ImportJob job, ImportJob.Phase phase) {
        CurrentUser user = owners.get(job.getId());
        try {
            ImportEngine.Request request = job.request();
            job.running(engine.countRows(request));
            job.done(engine.run(user, request, phase == ImportJob.Phase.COMMIT, job.progress(), job.locale(),
                    job.errorsCsv()));
        } catch (FileProblem e) {
            job.failed(messages.getMessage(e.messageKey(), e.arguments(), job.locale()));
        } catch (BusinessRuleException e) {
            job.failed(messages.getMessage(e.messageKey(), e.arguments(), job.locale()));
        } catch (ConcurrencyFailureException e) {
            job.failed(messages.getMessage("transfer.job.conflict", null, job.locale()));
        } catch (RuntimeException | OutOfMemoryError e) {
            log.error("import {} of {} failed", job.getId(), job.owner(), e);
            job.failed(messages.getMessage("transfer.job.failed", null, job.locale()));
        }
    }

    private void forget(ImportJob job) {
        if (job != null) {
            jobs.remove(job.getId());
            owners.remove(job.getId());
            delete(job.file());
            delete(job.errorsCsv());
        }
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("could not delete {}", file);
            }
        }
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
        jobs.values().forEach(job -> {
            delete(job.file());
            delete(job.errorsCsv());
        });
    }
}
