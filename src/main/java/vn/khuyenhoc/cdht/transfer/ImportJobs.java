package vn.khuyenhoc.cdht.transfer;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.cdht.assessment.AssessmentState;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * Imports as durable background jobs: the upload is stored in the {@code import_job} row, db-scheduler runs the dry
 * run and, when the user confirms, the commit ({@link ImportRunner}) on whichever node is free, and pages read the
 * progress from the row, on any node. One queued or running job per user, enforced by the database; a user sees only
 * their own jobs (anyone else's id is unknown: 404). A new upload forgets the user's previous finished jobs.
 */
@Service
public class ImportJobs {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);
    static final String COLUMNS = "id, owner, file_name, target_state, default_year, created_at, phase, status, "
            + "processed, total_rows, report, failure";

    private final UnitScope scope;
    private final TransferProperties properties;
    private final JdbcTemplate jdbc;
    private final SchedulerClient scheduler;
    private final TransactionTemplate transactions;

    ImportJobs(UnitScope scope, TransferProperties properties, JdbcTemplate jdbc, SchedulerClient scheduler,
            PlatformTransactionManager transactionManager) {
        this.scope = scope;
        this.properties = properties;
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /**
     * Takes an upload and queues its dry run. Refuses readers, a state other than DRAFT or SUBMITTED, an empty or
     * too big file, a format that is neither .xlsx nor CSV, and a second job while one is queued or running.
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
        Path file = null;
        try {
            file = Files.createTempFile("cdht-upload-", ".tmp");
            Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
            SheetReader.Format format = SheetReader.detect(file);
            String name = fileName == null || fileName.isBlank() ? "upload"
                    : Path.of(fileName).getFileName().toString();
            String id = UUID.randomUUID().toString();
            Path stored = file;
            transactions.executeWithoutResult(status -> {
                jdbc.update("delete from import_job where owner = ? and active_owner is null", user.username());
                Timestamp now = Timestamp.from(Instant.now());
                try (InputStream bytes = Files.newInputStream(stored)) {
                    jdbc.update(con -> {
                        var insert = con.prepareStatement("insert into import_job (id, owner, active_owner, "
                                + "file_name, file_format, target_state, default_year, locale, phase, status, "
                                + "upload, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 'DRY_RUN', "
                                + "'QUEUED', ?, ?, ?)");
                        insert.setString(1, id);
                        insert.setString(2, user.username());
                        insert.setString(3, user.username());
                        insert.setString(4, truncate(name, 255));
                        insert.setString(5, format.name());
                        insert.setString(6, state.name());
                        insert.setInt(7, year);
                        insert.setString(8, locale.toLanguageTag());
                        insert.setBinaryStream(9, bytes, size(stored));
                        insert.setTimestamp(10, now);
                        insert.setTimestamp(11, now);
                        return insert;
                    });
                } catch (IOException e) {
                    throw new FileProblem("transfer.file.unreadable");
                }
                queue(id, ImportJob.Phase.DRY_RUN);
            });
            return get(user, id);
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleException("transfer.job.busy");
        } catch (FileProblem e) {
            throw new BusinessRuleException(e.messageKey(), e.arguments());
        } catch (IOException e) {
            throw new BusinessRuleException("transfer.file.unreadable");
        } finally {
            delete(file);
        }
    }

    /** The user's own job, as the database has it now; 404 for anyone else's or an unknown id. */
    public ImportJob get(CurrentUser user, String id) {
        List<ImportJob> found = id == null ? List.of() : jdbc.query("select " + COLUMNS
                + " from import_job where id = ? and owner = ?", ImportJobs::job, id, user.username());
        if (found.isEmpty()) {
            throw new NotFoundException("import job " + id);
        }
        return found.get(0);
    }

    /** Queues the commit of a clean dry run: one transaction, all rows or none. */
    public ImportJob commit(CurrentUser user, String id) {
        scope.requireWriter(user);
        ImportJob job = get(user, id);
        if (!job.isCommittable()) {
            throw new BusinessRuleException("transfer.job.notCommittable");
        }
        try {
            transactions.executeWithoutResult(status -> {
                int claimed = jdbc.update("update import_job set phase = 'COMMIT', status = 'QUEUED', processed = 0, "
                        + "active_owner = owner, report = null, errors_csv = null, failure = null, updated_at = ? "
                        + "where id = ? and phase = 'DRY_RUN' and status = 'DONE'", Timestamp.from(Instant.now()),
                        id);
                if (claimed == 0) {
                    // a second click, or another node's, got there first
                    throw new BusinessRuleException("transfer.job.notCommittable");
                }
                queue(id, ImportJob.Phase.COMMIT);
            });
        } catch (DuplicateKeyException e) {
            throw new BusinessRuleException("transfer.job.busy");
        }
        return get(user, id);
    }

    /** The error list of a finished job (CSV, UTF-8 with BOM). */
    byte[] errorsCsv(CurrentUser user, String id) {
        ImportJob job = get(user, id);
        if (!job.isFinished()) {
            throw new NotFoundException("import job " + id + " still running");
        }
        List<byte[]> csv = jdbc.query("select errors_csv from import_job where id = ?", (rs, n) -> rs.getBytes(1),
                id);
        if (csv.isEmpty() || csv.get(0) == null) {
            throw new NotFoundException("import job " + id + " has no error list");
        }
        return csv.get(0);
    }

    private void queue(String id, ImportJob.Phase phase) {
        // written in the caller's transaction (the scheduler's DataSource joins it): queued only if the row commits
        scheduler.schedule(ImportRunner.TASK.instance(id + "-" + phase.name().toLowerCase(Locale.ROOT)).data(id)
                .scheduledTo(Instant.now()));
    }

    static ImportJob job(ResultSet rs, int row) throws SQLException {
        Integer total = rs.getObject("total_rows") == null ? null : rs.getInt("total_rows");
        return new ImportJob(rs.getString("id"), rs.getString("owner"), rs.getString("file_name"),
                AssessmentState.valueOf(rs.getString("target_state")), rs.getInt("default_year"),
                rs.getTimestamp("created_at").toInstant(), ImportJob.Phase.valueOf(rs.getString("phase")),
                ImportJob.Status.valueOf(rs.getString("status")), rs.getInt("processed"), total,
                report(rs.getBytes("report")), rs.getString("failure"));
    }

    private static ImportReport report(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            // written by this module; the filter admits nothing but a report's parts
            in.setObjectInputFilter(ObjectInputFilter.Config.createFilter(
                    "vn.khuyenhoc.cdht.transfer.*;java.lang.*;java.util.*;!*"));
            return (ImportReport) in.readObject();
        } catch (IOException | ClassNotFoundException e) {
            log.warn("an import report could not be read: {}", e.toString());
            return null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new FileProblem("transfer.file.unreadable");
        }
    }

    static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                log.warn("could not delete {}", file);
            }
        }
    }
}
