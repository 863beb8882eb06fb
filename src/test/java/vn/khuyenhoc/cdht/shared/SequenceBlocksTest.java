package vn.khuyenhoc.cdht.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.id.IdentifierGeneratorHelper;
import org.hibernate.id.IntegralDataTypeHolder;
import org.hibernate.id.enhanced.AccessCallback;
import org.hibernate.id.enhanced.PooledOptimizer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.khuyenhoc.cdht.support.TestDatabase;

/**
 * The ids {@link SequenceBlocks} hands out never collide with the ids Hibernate's pooled optimizer (what an entity
 * with a sequence of increment 50 uses) hands out from the same sequence, whoever draws first and however the
 * calls interleave, on a real PostgreSQL sequence.
 */
class SequenceBlocksTest {

    private final JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.dataSource());

    @Test
    void hibernate_first_then_interleaved() {
        check(true, new int[] {3, 70, 120, 1, 49, 50, 51, 200, 7, 100});
    }

    @Test
    void sequence_blocks_first_on_a_fresh_sequence() {
        check(false, new int[] {70, 3, 1, 50, 120, 51, 2});
    }

    /** Turns alternate: Hibernate takes that many ids one by one, or one SequenceBlocks call takes that many. */
    private void check(boolean hibernateFirst, int[] turns) {
        jdbc.execute("drop sequence if exists sequence_blocks_check");
        jdbc.execute("create sequence sequence_blocks_check start with 1 increment by 50");
        try {
            PooledOptimizer hibernate = new PooledOptimizer(Long.class, SequenceBlocks.BLOCK);
            AccessCallback sequence = new AccessCallback() {
                @Override
                public IntegralDataTypeHolder getNextValue() {
                    IntegralDataTypeHolder value = IdentifierGeneratorHelper.getIntegralDataTypeHolder(Long.class);
                    value.initialize(jdbc.queryForObject("select nextval('sequence_blocks_check')", Long.class));
                    return value;
                }

                @Override
                public String getTenantIdentifier() {
                    return null;
                }
            };
            List<Long> all = new ArrayList<>();
            for (int i = 0; i < turns.length; i++) {
                boolean byHibernate = (i % 2 == 0) == hibernateFirst;
                if (byHibernate) {
                    for (int n = 0; n < turns[i]; n++) {
                        all.add(((Number) hibernate.generate(sequence)).longValue());
                    }
                } else {
                    List<Long> block = SequenceBlocks.next(jdbc, "sequence_blocks_check", turns[i]);
                    assertThat(block).hasSize(turns[i]);
                    all.addAll(block);
                }
            }
            Set<Long> distinct = new HashSet<>(all);
            assertThat(distinct).as("no id handed out twice").hasSameSizeAs(all);
            assertThat(all).allMatch(id -> id >= 1);
        } finally {
            jdbc.execute("drop sequence sequence_blocks_check");
        }
    }
}
