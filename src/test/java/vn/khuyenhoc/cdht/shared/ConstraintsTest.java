package vn.khuyenhoc.cdht.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

/** Only the constraint a message is about turns into that message; other integrity errors are not clashes. */
class ConstraintsTest {

    @Test
    void tells_a_unique_clash_from_a_foreign_key_and_from_bad_bytes() {
        DataIntegrityViolationException unique = error("duplicate key value violates unique constraint "
                + "\"citizen_id_number_uq\"", "23505");
        DataIntegrityViolationException foreignKey = error("update or delete violates foreign key", "23503");
        DataIntegrityViolationException nul = error("invalid byte sequence for encoding \"UTF8\": 0x00", "22021");

        assertThat(Constraints.uniqueViolation(unique)).isTrue();
        assertThat(Constraints.violated(unique, "citizen_id_number_uq")).isTrue();
        assertThat(Constraints.violated(unique, "unit_code_uq")).isFalse();
        assertThat(Constraints.foreignKeyViolation(foreignKey)).isTrue();
        assertThat(Constraints.uniqueViolation(foreignKey)).isFalse();
        assertThat(Constraints.uniqueViolation(nul)).isFalse();
        assertThat(Constraints.foreignKeyViolation(nul)).isFalse();
    }

    private static DataIntegrityViolationException error(String message, String state) {
        return new DataIntegrityViolationException("could not execute statement",
                new SQLException(message, state));
    }
}
