package vn.khuyenhoc.cdht.transfer;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import vn.khuyenhoc.cdht.assessment.AssessmentState;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Runs one queued import job (task {@value #TASK_NAME} of db-scheduler, on whichever node picks it): claims the row,
 * copies the stored upload to a temporary file, runs the dry run or the commit with the owner's rights as they are
 * now, writes the progress to the row every second (which is also the sign that the job is alive) and the outcome
 * when done. A node that is stopping lets go of its running jobs at the next chunk (a commit rolls back), puts them
 * back in the queue and the scheduler retries them shortly, on another node if there is one. A node that dies
 * outright leaves its job "running" without progress: the scheduler revives the execution once the node's heartbeats
 * stop, or {@link TransferHousekeeping} marks it failed with a message first.
 */
@Configuration(proxyBeanMethods = false)
class ImportRunner implements SmartLifecycle {

    static final String TASK_NAME = "transfer-import";
    static final TaskDescriptor<String> TASK = TaskDescriptor.of(TASK_NAME, String.class);
    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportEngine engine;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final UserDetailsService users;
    private final String node = nodeName();
    private final Map<String, Progress> active = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private volatile ScheduledExecutorService flusher;

    ImportRunner(ImportEngine engine, JdbcTemplate jdbc, MessageSource messages, UserDetailsService users) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.messages = messages;
        this.users = users;
    }

    @Bean
    static OneTimeTask<String> importTask(org.springframework.beans.factory.ObjectProvider<ImportRunner> runner) {
        return Tasks.oneTime(TASK)
                // only a node that stops lets an execution fail: try again soon, wherever a node is up
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(2)))
                .execute((instance, context) -> runner.getObject().run(instance.getData()));
    }

    /** Counts rows done; refuses to go on once this node is stopping. */
    static final class Progress extends AtomicInteger implements ImportRun.Checkpoint {

        private final ImportRunner runner;
        volatile Integer total;
        volatile boolean interrupted;

        Progress(ImportRunner runner) {
            this.runner = runner;
        }

        @Override
        public void reached() {
            if (runner.stopping) {
                interrupted = true;
                throw new NodeStopping();
            }
        }
    }

    /** Thrown through the engine when the node stops mid-run. */
    static final class NodeStopping extends RuntimeException {
        NodeStopping() {
            super("this node is stopping", null, false, false);
        }
    }

    private record Queued(String owner, String fileName, SheetReader.Format format, AssessmentState state, int year,
            Locale locale, ImportJob.Phase phase, ImportJob.Status status) {
    }

    void run(String id) {
        List<Queued> found = jdbc.query("select owner, file_name, file_format, target_state, default_year, locale, "
                + "phase, status from import_job where id = ?", (rs, n) -> new Queued(rs.getString(1),
                rs.getString(2), SheetReader.Format.valueOf(rs.getString(3)), AssessmentState.valueOf(rs.getString(4)),
                rs.getInt(5), Locale.forLanguageTag(rs.getString(6)), ImportJob.Phase.valueOf(rs.getString(7)),
                ImportJob.Status.valueOf(rs.getString(8))), id);
        if (found.isEmpty()) {
            return; // purged meanwhile
        }
        Queued job = found.get(0);
        if (job.status() == ImportJob.Status.DONE || job.status() == ImportJob.Status.FAILED) {
            return; // finished, or failed by the housekeeping after its node was lost
        }
        if (stopping) {
            throw new NodeStopping();
        }
        // QUEUED, or RUNNING on a node that died (the scheduler revived the execution): run it from the start; a
        // commit cut short was rolled back with its connection
        if (jdbc.update("update import_job set status = 'RUNNING', node = ?, processed = 0, total_rows = null, "
                + "updated_at = ? where id = ? and status in ('QUEUED', 'RUNNING')", node, now(), id) == 0) {
            return;
        }
        Progress progress = new Progress(this);
        Path file = null;
        Path errors = null;
        try {
            file = Files.createTempFile("cdht-import-", ".upload");
            errors = Files.createTempFile("cdht-import-", "-errors.csv");
            copyUpload(id, file);
            active.put(id, progress);
            CurrentUser user = owner(job.owner());
            ImportEngine.Request request = new ImportEngine.Request(file, job.fileName(), job.format(), job.state(),
                    job.year());
            progress.total = engine.countRows(request);
            ImportReport report = engine.run(user, request, job.phase() == ImportJob.Phase.COMMIT, progress,
                    job.locale(), errors);
            finish(id, ImportJob.Status.DONE, progress, report, Files.readAllBytes(errors), null);
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
            if (progress.interrupted || e instanceof NodeStopping) {
                jdbc.update("update import_job set status = 'QUEUED', node = null, processed = 0, updated_at = ? "
                        + "where id = ? and status = 'RUNNING'", now(), id);
                log.info("import {} handed back to the queue: this node is stopping", id);
                throw new NodeStopping();
            }
            finish(id, ImportJob.Status.FAILED, progress, null, null, failure(id, job, e));
        } finally {
            active.remove(id);
            ImportJobs.delete(file);
            ImportJobs.delete(errors);
        }
    }

    private String failure(String id, Queued job, Throwable e) {
        Locale locale = job.locale();
        if (e instanceof FileProblem problem) {
            return messages.getMessage(problem.messageKey(), problem.arguments(), locale);
        }
        if (e instanceof BusinessRuleException rule) {
            return messages.getMessage(rule.messageKey(), rule.arguments(), locale);
        }
        if (e instanceof ConcurrencyFailureException) {
            return messages.getMessage("transfer.job.conflict", null, locale);
        }
        log.error("import {} of {} failed", id, job.owner(), e);
        return messages.getMessage("transfer.job.failed", null, locale);
    }

    /** The owner with their rights as they are now; an account gone or disabled meanwhile runs nothing. */
    private CurrentUser owner(String username) {
        try {
            UserDetails details = users.loadUserByUsername(username);
            if (details.isEnabled() && details instanceof CurrentUser user) {
                return user;
            }
        } catch (UsernameNotFoundException e) {
            // falls through
        }
        throw new BusinessRuleException("transfer.job.ownerGone");
    }

    private void copyUpload(String id, Path file) {
        jdbc.query("select upload from import_job where id = ?", rs -> {
            try (InputStream in = rs.getBinaryStream(1)) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, id);
    }

    private void finish(String id, ImportJob.Status status, Progress progress, ImportReport report, byte[] errorsCsv,
            String failure) {
        jdbc.update("update import_job set status = ?, active_owner = null, processed = ?, total_rows = ?, "
                + "report = ?, errors_csv = ?, failure = ?, node = null, updated_at = ? where id = ?", status.name(),
                progress.get(), progress.total, serialize(report), errorsCsv,
                ImportJobs.truncate(failure, 2000), now(), id);
    }

    /** Every second: the progress of this node's running jobs, which also tells the housekeeping they are alive. */
    private void flushProgress() {
        active.forEach((id, progress) -> {
            try {
                jdbc.update("update import_job set processed = ?, total_rows = ?, updated_at = ? where id = ? "
                        + "and status = 'RUNNING'", progress.get(), progress.total, now(), id);
            } catch (RuntimeException e) {
                log.warn("progress of import {} not written: {}", id, e.toString());
            }
        });
    }

    private static byte[] serialize(ImportReport report) {
        if (report == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    private static String nodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "node";
        }
        return ImportJobs.truncate(host, 150) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    // ---- lifecycle: stop before the scheduler (which waits for running work), start after it ----

    @Override
    public synchronized void start() {
        stopping = false;
        if (flusher == null) {
            flusher = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "cdht-import-progress");
                thread.setDaemon(true);
                return thread;
            });
            flusher.scheduleWithFixedDelay(this::flushProgress, 1, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        stopping = true;
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!active.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return flusher != null;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 500;
    }
}
