package vn.khuyenhoc.cdht.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import vn.khuyenhoc.cdht.support.TestDatabase;

/**
 * {@link JdbcBatches#insert} writes exactly what it is given, through COPY on PostgreSQL (CSV quoting: null versus
 * empty text, quotes, commas, line breaks, booleans, timestamps with time zone) and through a batch on H2.
 */
class JdbcBatchesTest {

    private static final Timestamp WHEN = Timestamp.from(Instant.parse("2026-11-28T13:45:01.123456Z"));

    @Test
    void copy_on_postgresql_keeps_every_value() {
        check(new JdbcTemplate(TestDatabase.dataSource()), true);
    }

    @Test
    void batch_on_h2_keeps_every_value() {
        check(new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:jdbcbatches;MODE=PostgreSQL;DB_CLOSE_DELAY=-1")), false);
    }

    private static void check(JdbcTemplate jdbc, boolean postgres) {
        assertThat(JdbcBatches.postgres(jdbc)).isEqualTo(postgres);
        jdbc.execute("drop table if exists jdbc_batches_check");
        jdbc.execute("create table jdbc_batches_check (id bigint primary key, name varchar(100), flag boolean, "
                + "at timestamp with time zone, n int)");
        try {
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {1L, "Nguyễn \"Văn\" A, thôn 1", true, WHEN, 7});
            rows.add(new Object[] {2L, "", false, null, null});
            rows.add(new Object[] {3L, null, null, WHEN, -1});
            rows.add(new Object[] {4L, "hai\ndòng\\", Boolean.TRUE, WHEN, 0});
            JdbcBatches.insert(jdbc, "jdbc_batches_check", "id, name, flag, at, n", rows);
            List<Object[]> back = jdbc.query("select id, name, flag, at, n from jdbc_batches_check order by id",
                    (rs, i) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getObject(3, Boolean.class),
                            rs.getTimestamp(4), rs.getObject(5, Integer.class)});
            assertThat(back).hasSize(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                assertThat(Arrays.asList(back.get(i))).as("row " + (i + 1)).isEqualTo(Arrays.asList(rows.get(i)));
            }
        } finally {
            jdbc.execute("drop table jdbc_batches_check");
        }
    }
}
