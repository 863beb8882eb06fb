package vn.khuyenhoc.cdht.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoModeTest {

    @Test
    void auto_loads_demo_data_only_on_the_embedded_database() {
        assertThat(DemoMode.decide("auto", "jdbc:h2:file:./data/cdht;MODE=PostgreSQL")).isTrue();
        assertThat(DemoMode.decide("auto", "jdbc:postgresql://db:5432/cdht")).isFalse();
        assertThat(DemoMode.decide(null, "jdbc:postgresql://db:5432/cdht")).isFalse();
    }

    @Test
    void an_explicit_setting_wins() {
        assertThat(DemoMode.decide("on", "jdbc:postgresql://db:5432/cdht")).isTrue();
        assertThat(DemoMode.decide("off", "jdbc:h2:mem:x")).isFalse();
    }
}
