package vn.khuyenhoc.cdht.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.area.Subtree;

/** Separation of duties is off for a unit within a province that switched it off, and only there. */
class WorkflowSettingsSubtreeTest {

    private static final List<Subtree> OFF = List.of(new Subtree("/1/51/"));

    @Test
    void the_rule_follows_the_provinces_subtree() {
        assertThat(WorkflowSettings.separationApplies("/1/51/", OFF)).isFalse();
        assertThat(WorkflowSettings.separationApplies("/1/51/101/1001/", OFF)).isFalse();
        assertThat(WorkflowSettings.separationApplies("/1/5/", OFF)).isTrue();
        assertThat(WorkflowSettings.separationApplies("/1/511/101/", OFF)).isTrue();
        assertThat(WorkflowSettings.separationApplies("/1/", OFF)).isTrue();
        assertThat(WorkflowSettings.separationApplies("/1/51/101/", List.of())).isTrue();
    }
}
