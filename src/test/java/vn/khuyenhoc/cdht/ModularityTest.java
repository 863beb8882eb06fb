package vn.khuyenhoc.cdht;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each top-level package is a module; only its root package is its API, and modules form no cycles. */
class ModularityTest {

    @Test
    void module_boundaries_hold() {
        ApplicationModules.of(CdhtApplication.class).verify();
    }
}
