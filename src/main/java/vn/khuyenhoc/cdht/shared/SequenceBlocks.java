package vn.khuyenhoc.cdht.shared;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ids for rows written with plain JDBC into a table whose entity takes its ids from a sequence with increment 50
 * and Hibernate's pooled optimizer. That optimizer treats a sequence value N as owning the block N-49..N (the
 * very first value, 1, as owning 1..51), so taking whole blocks the same way never collides with ids Hibernate
 * hands out, before or after. One round trip per call, whatever the count.
 */
public final class SequenceBlocks {

    public static final int BLOCK = 50;

    private SequenceBlocks() {
    }

    public static List<Long> next(JdbcTemplate jdbc, String sequence, int count) {
        if (!sequence.matches("[a-z_]+")) {
            throw new IllegalArgumentException(sequence);
        }
        List<Long> ids = new ArrayList<>(count);
        while (ids.size() < count) {
            int blocks = (count - ids.size() + BLOCK - 1) / BLOCK;
            for (Long hi : jdbc.queryForList("select nextval('" + sequence + "') from generate_series(1, ?)",
                    Long.class, blocks)) {
                if (hi < BLOCK) {
                    continue; // a fresh sequence's first value: Hibernate would take 1..51 from it
                }
                for (long id = hi - BLOCK + 1; id <= hi && ids.size() < count; id++) {
                    ids.add(id);
                }
            }
        }
        return ids;
    }
}
