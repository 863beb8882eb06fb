package vn.khuyenhoc.cdht;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A module's SQL names only its own tables and the views other modules publish as read models. The module graph
 * ({@link ModularityTest}) cannot see SQL, so without this a column renamed in one module breaks another at run
 * time. Each module's tables are derived from its own code and migrations: the {@code @Table} of its entities, and
 * the tables a migration named after it ({@code V11__citizen.sql}) creates; every view a migration creates is a
 * published read model of that migration's module. The SQL read is every string literal (text blocks included) in
 * a module's main classes, which covers native queries; a table counts as named after FROM, JOIN, INTO, UPDATE,
 * TABLE or COPY, and in the comma-separated list of a FROM clause ({@code from citizen c, assessment a}). A table
 * name built by concatenation is not seen.
 */
class SqlOwnershipTest {

    private static final Path CODE = Path.of("src/main/java/vn/khuyenhoc/cdht");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    /**
     * Area's unit tree: every module joins it to print unit names and to filter by a subtree, whose predicate only
     * {@code area.Subtree} writes (issue 19's one door for scope). These three are the only tables read across
     * modules, and the list must not grow.
     */
    private static final Set<String> SCOPE_TABLES = Set.of("admin_unit", "area_level", "unit_succession");

    private static final Pattern ENTITY_TABLE = Pattern.compile("@Table\\(name\\s*=\\s*\"([a-z_0-9]+)\"");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_0-9]+)");
    private static final Pattern CREATE_VIEW = Pattern.compile("(?i)create\\s+(?:or\\s+replace\\s+)?view\\s+([a-z_0-9]+)");
    private static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"",
            Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");
    private static final Pattern NAMED = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|table|copy)\\s+([a-z_][a-z_0-9]*)");
    /** A FROM clause's list, up to the first word or sign that ends it. */
    private static final Pattern FROM_LIST = Pattern.compile("(?is)\\bfrom\\s+(.+?)(?=\\b(?:where|group|order|having"
            + "|limit|offset|join|left|right|inner|cross|full|union|except|intersect|returning|on|for|window)\\b|[();]|$)");
    private static final Pattern LISTED = Pattern.compile("(?i)^\\s*([a-z_][a-z_0-9]*)");

    @Test
    void each_module_names_only_its_own_tables_and_published_views() throws IOException {
        List<String> modules = modules();
        Map<String, String> owner = new HashMap<>();
        Set<String> views = new HashSet<>();
        for (String module : modules) {
            for (Path file : javaFiles(CODE.resolve(module))) {
                Matcher m = ENTITY_TABLE.matcher(Files.readString(file));
                while (m.find()) {
                    owner.put(m.group(1), module);
                }
            }
        }
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                String module = migrationModule(file);
                String sql = Files.readString(file);
                Matcher table = CREATE_TABLE.matcher(sql);
                while (table.find()) {
                    owner.putIfAbsent(table.group(1).toLowerCase(Locale.ROOT), module);
                }
                Matcher view = CREATE_VIEW.matcher(sql);
                while (view.find()) {
                    String name = view.group(1).toLowerCase(Locale.ROOT);
                    owner.putIfAbsent(name, module);
                    views.add(name);
                }
            }
        }
        assertThat(owner).as("tables found").containsEntry("citizen", "citizen").containsEntry("assessment",
                "assessment").containsEntry("collective_year", "community").containsEntry("audit_event", "audit");
        assertThat(views).as("published read models").contains("citizen_register", "assessment_outcome");

        List<String> foreign = new ArrayList<>();
        for (String module : modules) {
            for (Path file : javaFiles(CODE.resolve(module))) {
                for (String table : tablesNamedIn(Files.readString(file))) {
                    String tableOwner = owner.get(table);
                    if (tableOwner != null && !tableOwner.equals(module) && !views.contains(table)
                            && !SCOPE_TABLES.contains(table)) {
                        foreign.add(module + "/" + file.getFileName() + " names " + tableOwner + "'s " + table);
                    }
                }
            }
        }
        assertThat(foreign).as("SQL naming another module's tables (read its published view instead)").isEmpty();
    }

    @Test
    void the_check_sees_a_foreign_table_in_a_text_block_and_a_plain_string() {
        String source = """
                class X {
                    String a = \"""
                            select c.id from citizen c
                            join assessment a on a.citizen_id = c.id\""";
                    String b = "insert into audit_event (id) values (1)"; // from citizen, in a comment: ignored
                    String c = "citizen.name.required";
                    String d = "select count(*) from collective k, collective_year y where y.collective_id = k.id";
                    String e = "select extract(year from created_at), a, b from citizen_register order by a, b";
                }
                """;
        assertThat(tablesNamedIn(source)).containsExactlyInAnyOrder("citizen", "assessment", "audit_event",
                "collective", "collective_year", "created_at", "citizen_register");
    }

    static List<String> tablesNamedIn(String source) {
        List<String> tables = new ArrayList<>();
        Matcher literal = LITERAL.matcher(LINE_COMMENT.matcher(source).replaceAll(""));
        while (literal.find()) {
            String text = literal.group(1) != null ? literal.group(1) : literal.group(2);
            Matcher named = NAMED.matcher(text);
            while (named.find()) {
                tables.add(named.group(1).toLowerCase(Locale.ROOT));
            }
            Matcher list = FROM_LIST.matcher(text);
            while (list.find()) {
                String[] items = list.group(1).split(",");
                for (int i = 1; i < items.length; i++) {
                    Matcher item = LISTED.matcher(items[i]);
                    if (item.find()) {
                        tables.add(item.group(1).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return tables;
    }

    /** {@code V11__citizen.sql} → citizen; {@code V2__account_audit.sql} → account (its entities name the rest). */
    private static String migrationModule(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.indexOf("__") + 2).split("[_.]")[0];
    }

    private static List<String> modules() throws IOException {
        try (Stream<Path> dirs = Files.list(CODE)) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
