package vn.khuyenhoc.cdht;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module documentation under {@code docs/modules} is Spring Modulith's {@link Documenter} output: the C4
 * component diagram of all modules and one diagram per module (PlantUML;
 * module canvases are left out: they need the Javadoc metadata of spring-modulith-apt, which this build does not
 * run). Regenerate it with
 * {@code ./mvnw -o test -Dtest=ModuleDocumentationTest -Dcdht.docs.write=true} when modules or their dependencies
 * change; every run writes a fresh copy under {@code target/} and fails when a module has no committed diagram.
 */
class ModuleDocumentationTest {

    private static final Path COMMITTED = Path.of("docs", "modules");

    @Test
    void every_module_has_its_committed_diagram() {
        ApplicationModules modules = ApplicationModules.of(CdhtApplication.class);
        String output = Boolean.getBoolean("cdht.docs.write") ? COMMITTED.toString()
                : Path.of("target", "spring-modulith-docs").toString();
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(output))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        assertThat(Path.of(output, "components.puml")).exists();
        for (ApplicationModule module : modules) {
            String diagram = "module-" + module.getIdentifier() + ".puml";
            assertThat(Path.of(output, diagram)).exists();
            assertThat(COMMITTED.resolve(diagram)).as("regenerate with -Dcdht.docs.write=true").exists();
        }
    }
}
