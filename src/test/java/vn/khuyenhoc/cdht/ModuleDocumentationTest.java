package vn.khuyenhoc.cdht;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * change; every run writes a fresh copy under {@code target/} and fails when a module has no committed diagram or
 * when a committed diagram shows other dependencies than the code has. The Documenter orders the relations, and
 * labels some "uses" or "depends on", by class-path scan order, so diagrams are compared by which module points at
 * which.
 */
class ModuleDocumentationTest {

    private static final Path COMMITTED = Path.of("docs", "modules");
    private static final Pattern RELATION = Pattern.compile("^Rel\\(([\\w.]+), ([\\w.]+),");

    @Test
    void every_module_has_its_committed_diagram() throws IOException {
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
            assertThat(relations(COMMITTED.resolve(diagram)))
                    .as(diagram + " is stale: regenerate with -Dcdht.docs.write=true")
                    .isEqualTo(relations(Path.of(output, diagram)));
        }
    }

    /** The diagram's arrows as "from -> to", whatever their order and label. */
    private static Set<String> relations(Path diagram) throws IOException {
        Set<String> relations = new TreeSet<>();
        for (String line : Files.readAllLines(diagram)) {
            Matcher rel = RELATION.matcher(line);
            if (rel.find()) {
                relations.add(rel.group(1) + " -> " + rel.group(2));
            }
        }
        return relations;
    }
}
