package vn.khuyenhoc.cdht.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import vn.khuyenhoc.cdht.assessment.AssessmentState;

/**
 * Not a test (the name keeps Surefire from picking it up; the property guards it too): the import of
 * {@code cdht.bench.rows} rows (100,000) with validation, dry run then commit, against PostgreSQL {@code COPY} of
 * the same CSV into an equivalent plain table on the same database. Run by {@code bench/import-vs-copy.sh}.
 */
@EnabledIfSystemProperty(named = "cdht.bench.import", matches = "true")
class ImportBenchmark extends TransferTestSupport {

    @Autowired
    ImportEngine engine;

    @Autowired
    DataSource dataSource;

    @Test
    void import_against_copy() throws Exception {
        int rows = Integer.getInteger("cdht.bench.rows", 100_000);
        Path csv = Files.createTempFile("cdht-bench-", ".csv");
        Path errors = Files.createTempFile("cdht-bench-", "-errors.csv");
        String[] hamlets = {"TT-T01", "TT-T02", "TT-T03", "TT-T04", "TT-T05"};
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (int i = 0; i < rows; i++) {
                int birth = 1940 + i % 60;
                // half the rows carry a CCCD (checked and hashed like the form does), half are matched by name
                String cccd = i % 2 == 0 ? String.format("079%d%02d%06d", birth >= 2000 ? 2 : 0, birth % 100, i)
                        : "";
                out.write(hamlets[i % hamlets.length] + ",Công Dân Đo Tốc Độ " + i + "," + birth + ","
                        + (i % 2 == 0 ? "Nam" : "Nữ") + "," + cccd + "," + (i % 3 == 0 ? "WORKER" : "FARMER")
                        + ",2019");
                for (int k = 0; k < 10; k++) {
                    out.write("," + (4 + (i + k) % 7));
                }
                out.write('\n');
            }
        }
        long bytes = Files.size(csv);
        ImportEngine.Request request = new ImportEngine.Request(csv, "bench.csv", SheetReader.Format.CSV,
                AssessmentState.SUBMITTED, 2019);
        Runtime runtime = Runtime.getRuntime();

        long t0 = System.nanoTime();
        engine.countRows(request);
        ImportReport dry = engine.run(user("xa1"), request, false, new AtomicInteger(), Locale.forLanguageTag("vi"),
                errors);
        long t1 = System.nanoTime();
        assertThat(dry.hasErrors()).as(String.valueOf(dry.shownErrors())).isFalse();
        assertThat(dry.created()).isEqualTo(rows);
        ImportReport commit = engine.run(user("xa1"), request, true, new AtomicInteger(),
                Locale.forLanguageTag("vi"), errors);
        long t2 = System.nanoTime();
        assertThat(commit.committed()).isTrue();
        long usedAfter = runtime.totalMemory() - runtime.freeMemory();
        assertThat(count("select count(*) from assessment where assessment_year = 2019 and unit_id in "
                + "(select id from admin_unit where code like 'TT-T0%')")).isGreaterThanOrEqualTo(rows);

        // COPY of the same file into a plain table with the same columns
        long copyNanos;
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("""
                    drop table if exists bench_copy;
                    create table bench_copy (unit_code varchar(30), full_name varchar(150), birth_year int,
                        gender varchar(10), id_number varchar(20), target_group varchar(30), assessment_year int,
                        s1 int, s2 int, s3 int, s4 int, s5 int, s6 int, s7 int, s8 int, s9 int, s10 int)""");
            long c0 = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
                ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI()
                        .copyIn("copy bench_copy from stdin with (format csv, header true)", reader);
            }
            copyNanos = System.nanoTime() - c0;
            connection.createStatement().execute("drop table bench_copy");
        }
        // COPY of everything the commit wrote into the REAL tables (same indexes, constraints and foreign keys),
        // starting from empty tables as the commit nearly did: dump the four tables, then in one transaction
        // truncate them, COPY the dump back in (timed) and roll back
        long realCopyNanos = 0;
        long writtenRows = 0;
        String[] tables = {"citizen", "assessment", "assessment_score", "audit_event"};
        try (Connection connection = dataSource.getConnection()) {
            var copy = ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI();
            byte[][] dumps = new byte[tables.length][];
            for (int i = 0; i < tables.length; i++) {
                java.io.ByteArrayOutputStream dump = new java.io.ByteArrayOutputStream();
                writtenRows += copy.copyOut("copy " + tables[i] + " to stdout", dump);
                dumps[i] = dump.toByteArray();
            }
            connection.setAutoCommit(false);
            connection.createStatement().execute("truncate " + String.join(", ", tables) + " cascade");
            long c0 = System.nanoTime();
            for (int i = 0; i < tables.length; i++) {
                copy.copyIn("copy " + tables[i] + " from stdin", new java.io.ByteArrayInputStream(dumps[i]));
            }
            realCopyNanos = System.nanoTime() - c0;
            connection.rollback();
            connection.setAutoCommit(true);
        }
        assertThat(count("select count(*) from citizen")).isGreaterThanOrEqualTo(rows);

        double drySeconds = (t1 - t0) / 1e9;
        double commitSeconds = (t2 - t1) / 1e9;
        double copySeconds = copyNanos / 1e9;
        double realCopySeconds = realCopyNanos / 1e9;
        double importRate = rows / (drySeconds + commitSeconds);
        double commitRate = rows / commitSeconds;
        double copyRate = rows / copySeconds;
        double realCopyRate = rows / realCopySeconds;
        String result = String.format(Locale.ROOT, """
                rows=%d file=%.1f MB (CSV, 17 columns: citizen + 10 self-scores; half with a CCCD)
                dry run (validation, look-ups, no writes): %.2f s  %.0f rows/s
                commit (validation again + writes: %d citizens, %d assessments, %d scores, %d audit lines + roll-ups): %.2f s  %.0f rows/s
                import total (dry run + commit): %.2f s  %.0f rows/s
                baseline 1, COPY of the same CSV into a plain table: %.2f s  %.0f rows/s
                baseline 2, COPY of the %d rows the commit wrote into the real tables (indexes, constraints; rolled back): %.2f s  %.0f input rows/s
                ratio to baseline 1: commit %.3f, dry run + commit %.3f (target >= 0.3)
                ratio to baseline 2: commit %.3f, dry run + commit %.3f
                heap in use after the commit: %d MB of max %d MB
                """, rows, bytes / 1e6, drySeconds, rows / drySeconds, rows, rows, rows * 10, rows * 2,
                commitSeconds, commitRate, drySeconds + commitSeconds, importRate, copySeconds, copyRate,
                writtenRows, realCopySeconds, realCopyRate, commitRate / copyRate, importRate / copyRate,
                commitRate / realCopyRate, importRate / realCopyRate, usedAfter >> 20, runtime.maxMemory() >> 20);
        String markdown = String.format(Locale.ROOT, """
                %d CSV rows (%.1f MB; each a citizen + an assessment with 10 self-scores, half with a CCCD); the commit writes %d citizens, %d assessments, %d scores, %d audit lines and refreshes the roll-ups, in one transaction.

                | step | seconds | rows/s | ratio (commit) | ratio (dry run + commit) |
                |---|---|---|---|---|
                | import: dry run (validation + look-ups, no writes) | %.2f | %.0f | | |
                | import: commit (validation again + writes) | %.2f | %.0f | | |
                | import: dry run + commit | %.2f | %.0f | | |
                | baseline 1: COPY of the same CSV into a plain table | %.2f | %.0f | **%.3f** | %.3f |
                | baseline 2: COPY of the %d rows the commit writes into the real tables (indexes, constraints; rolled back) | %.2f | %.0f | **%.3f** | %.3f |

                Target: import >= 0.3 x the COPY rate (baseline 1): %s.
                """, rows, bytes / 1e6, rows, rows, rows * 10, rows * 2, drySeconds, rows / drySeconds,
                commitSeconds, commitRate, drySeconds + commitSeconds, importRate, copySeconds, copyRate,
                commitRate / copyRate, importRate / copyRate, writtenRows, realCopySeconds, realCopyRate,
                commitRate / realCopyRate, importRate / realCopyRate,
                commitRate / copyRate >= 0.3 ? "met (commit)" : "**not met**");
        System.out.println("== import-vs-copy\n" + result);
        Path out = Path.of("target", "bench", "import-vs-copy.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
        Files.writeString(out.resolveSibling("import-vs-copy.md"), markdown);
        Files.deleteIfExists(csv);
        Files.deleteIfExists(errors);
    }
}
