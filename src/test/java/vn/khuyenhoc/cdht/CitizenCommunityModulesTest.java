package vn.khuyenhoc.cdht;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Spring Modulith's boundary check for the whole application, and the dependencies the citizen and community
 * modules are meant to have: community on area, audit and shared; citizen also on community and demo.
 */
class CitizenCommunityModulesTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(CdhtApplication.class);

    @Test
    void modules_use_each_other_only_through_their_public_api_and_without_cycles() {
        MODULES.verify();
    }

    @Test
    void community_does_not_depend_on_citizen() {
        ApplicationModule community = MODULES.getModuleByName("community").orElseThrow();
        ApplicationModule citizen = MODULES.getModuleByName("citizen").orElseThrow();
        assertThat(community.getBootstrapDependencies(MODULES).map(ApplicationModule::getName))
                .doesNotContain("citizen");
        assertThat(citizen.getBootstrapDependencies(MODULES).map(ApplicationModule::getName))
                .contains("community");
    }
}
