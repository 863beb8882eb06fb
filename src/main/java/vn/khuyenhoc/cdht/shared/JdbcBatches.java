package vn.khuyenhoc.cdht.shared;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A JDBC batch whose values are bound with plain {@code setObject}, nulls included. JdbcTemplate's own binding
 * asks the driver for each null parameter's type, which on PostgreSQL costs a round trip per null: far too slow
 * for bulk imports.
 */
public final class JdbcBatches {

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
}
