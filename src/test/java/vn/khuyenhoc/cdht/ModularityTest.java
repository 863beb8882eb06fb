package vn.khuyenhoc.cdht;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/** Each top-level package is a module; only its root package is its API, and modules form no cycles. */
class ModularityTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(CdhtApplication.class);

    @Test
    void module_boundaries_hold() {
        MODULES.verify();
    }

    @Test
    void collectives_do_not_depend_on_citizens() {
        ApplicationModule community = MODULES.getModuleByName("community").orElseThrow();
        ApplicationModule citizen = MODULES.getModuleByName("citizen").orElseThrow();
        assertThat(community.getBootstrapDependencies(MODULES).map(ApplicationModule::getName))
                .doesNotContain("citizen");
        assertThat(citizen.getBootstrapDependencies(MODULES).map(ApplicationModule::getName))
                .contains("community");
    }
}
