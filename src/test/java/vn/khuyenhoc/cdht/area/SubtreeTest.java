package vn.khuyenhoc.cdht.area;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one place that writes a subtree filter in SQL: its text, and that nothing but a unit path reaches it. */
class SubtreeTest {

    @Test
    void only_a_materialised_path_makes_a_subtree() {
        assertThat(new Subtree("/").path()).isEqualTo("/");
        assertThat(new Subtree("/1/51/101/").path()).isEqualTo("/1/51/101/");
        for (String bad : new String[] {null, "", "1/", "/1", "/1/x/", "/1/' or '1'='1/", "/1/%/"}) {
            assertThatThrownBy(() -> new Subtree(bad)).as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void the_predicates_are_prefix_matches_that_join_onto_any_text() {
        assertThat(Subtree.below("u.path", "scopePath")).isEqualTo(" u.path like :scopePath || '%' ");
        assertThat(Subtree.below("path")).isEqualTo(" path like ? || '%' ");
        assertThat(Subtree.above("u.path", "scopePath")).isEqualTo(" :scopePath like u.path || '%' ");
        assertThat(Subtree.within("u.path", "p.path")).isEqualTo(" u.path like p.path || '%' ");
        assertThat(new Subtree("/1/51/").unitIds("s"))
                .isEqualTo("(select s.id from unit_tree s where s.path like '/1/51/%')");
    }

    @Test
    void contains_is_the_same_prefix_rule_in_java() {
        Subtree commune = new Subtree("/1/51/");
        assertThat(commune.contains("/1/51/")).isTrue();
        assertThat(commune.contains("/1/51/101/")).isTrue();
        assertThat(commune.contains("/1/5/")).isFalse();
        assertThat(commune.contains("/1/511/")).isFalse();
        assertThat(commune.contains(null)).isFalse();
        assertThat(Subtree.ALL.contains("/7/")).isTrue();
    }
}
