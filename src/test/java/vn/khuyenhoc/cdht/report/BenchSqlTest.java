package vn.khuyenhoc.cdht.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's SQL files are the application's SQL: regenerate them with
 * {@code ./mvnw -o test -Dtest=BenchSqlTest -Dcdht.bench.write=true} when the queries change.
 */
class BenchSqlTest {

    private static final Path DIR = Path.of("bench", "sql");

    @Test
    void bench_sql_files_are_up_to_date() throws IOException {
        Map<String, String> files = Map.of(
                "dashboard.sql", BenchSql.script("One dashboard request: the queries over the precomputed rows.",
                        BenchSql.dashboard()),
                "raw.sql", BenchSql.script("The same figures by GROUP BY over the raw tables.", BenchSql.raw()),
                "refresh-unit.sql", BenchSql.script("One unit's refresh for one year (rolled back).",
                        BenchSql.refresh()),
                "insights.sql", BenchSql.script("The statements of the forecast, completeness, comparison and pivot "
                        + "pages over the roll-ups.", BenchSql.insights()));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = DIR.resolve(file.getKey());
            if (Boolean.getBoolean("cdht.bench.write")) {
                Files.createDirectories(DIR);
                Files.writeString(path, file.getValue());
            }
            assertThat(path).as("run with -Dcdht.bench.write=true to regenerate").exists();
            assertThat(Files.readString(path)).as(path + " is stale: regenerate it").isEqualTo(file.getValue());
        }
    }
}
