package vn.khuyenhoc.cdht.shared;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Bulk JDBC for imports. {@link #run}: a JDBC batch whose values are bound with plain {@code setObject}, nulls
 * included (JdbcTemplate's own binding asks the driver for each null parameter's type, which on PostgreSQL costs a
 * round trip per null). {@link #insert}: new rows into a table, on PostgreSQL with {@code COPY … FROM STDIN}
 * (PgJDBC {@code CopyManager}, in the caller's transaction, into the real table: its indexes, constraints and
 * foreign keys apply as to any insert), elsewhere (H2) with a batch. {@link #array}: one array parameter for
 * {@code = ANY(?)} look-ups on PostgreSQL instead of an {@code IN} list of a thousand parameters.
 */
public final class JdbcBatches {

    private static final Map<DataSource, Boolean> POSTGRES = new ConcurrentHashMap<>();

    private JdbcBatches() {
    }

    /** Runs the statement once per row; returns the update counts. */
    public static int[] run(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return new int[0];
        }
        return jdbc.batchUpdate(sql, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] row = rows.get(i);
                for (int c = 0; c < row.length; c++) {
                    ps.setObject(c + 1, row[c]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /** Whether the template's database is PostgreSQL (asked once per data source). */
    public static boolean postgres(JdbcTemplate jdbc) {
        DataSource dataSource = jdbc.getDataSource();
        if (dataSource == null) {
            return false;
        }
        return POSTGRES.computeIfAbsent(dataSource, ds -> Boolean.TRUE.equals(jdbc.execute((Connection c) ->
                c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres"))));
    }

    /**
     * Inserts the rows (values in the order of columns, a comma-separated list of plain column names) into the
     * table: COPY on PostgreSQL, a batch elsewhere. Values: null, String, Number, Boolean or Timestamp.
     */
    public static void insert(JdbcTemplate jdbc, String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (!table.matches("[a-z_]+") || !columns.matches("[a-z_, \\n]+")) {
            throw new IllegalArgumentException(table + " " + columns);
        }
        if (!postgres(jdbc)) {
            int count = columns.split(",").length;
            run(jdbc, "insert into " + table + " (" + columns + ") values ("
                    + String.join(", ", java.util.Collections.nCopies(count, "?")) + ")", rows);
            return;
        }
        StringBuilder csv = new StringBuilder(rows.size() * 64);
        // Commons CSV's PostgreSQL dialect: null is an unquoted empty field, every other value is quoted (so "" is
        // an empty string), quotes doubled, lines ended by \n; exactly what COPY … (format csv) reads.
        try (CSVPrinter printer = new CSVPrinter(csv, CSVFormat.POSTGRESQL_CSV)) {
            for (Object[] row : rows) {
                for (Object value : row) {
                    // ISO-8601 in UTC: exact for timestamp with time zone (Timestamp.toString is local time)
                    printer.print(value instanceof Timestamp t ? t.toInstant().toString() : value);
                }
                printer.println();
            }
        } catch (IOException e) {
            throw new IllegalStateException("CSV into memory", e);
        }
        String sql = "copy " + table + " (" + columns + ") from stdin with (format csv)";
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(csv.toString()));
            } catch (IOException e) {
                throw new DataAccessResourceFailureException("COPY into " + table, e);
            }
        });
    }

    /** An SQL array of the values for one {@code = ANY(?)} parameter (type: "varchar", "bigint", "integer"). */
    public static Array array(PreparedStatement ps, String type, Collection<?> values) throws SQLException {
        return ps.getConnection().createArrayOf(type, values.toArray());
    }
}
