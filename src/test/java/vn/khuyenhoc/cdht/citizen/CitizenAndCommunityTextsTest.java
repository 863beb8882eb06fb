package vn.khuyenhoc.cdht.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The citizen and community pages take every visible word from their bundles: the Vietnamese and English bundles
 * have the same keys, templates hold no literal text, inline style or script (the CSP forbids them), and every
 * fixed key a template or a rule uses exists.
 */
class CitizenAndCommunityTextsTest {

    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final Path SOURCES = Path.of("src/main/java/vn/khuyenhoc/cdht");
    private static final List<String> MODULES = List.of("citizen", "community");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern TEXT_BETWEEN_TAGS = Pattern.compile(">([^<]*)<");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[(}]");
    private static final Pattern JAVA_KEY = Pattern.compile("\"((?:citizen|community)\\.[A-Za-z0-9_.]+)\"");

    @Test
    void vietnamese_and_english_bundles_have_the_same_keys() throws IOException {
        for (String module : MODULES) {
            assertThat(load("i18n/" + module + "_en.properties").stringPropertyNames())
                    .as(module + " bundles")
                    .containsExactlyInAnyOrderElementsOf(load("i18n/" + module + ".properties").stringPropertyNames());
        }
    }

    @Test
    void templates_hold_no_literal_text_inline_style_or_script() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path template : templates()) {
            String html = COMMENT.matcher(Files.readString(template)).replaceAll("");
            Matcher text = TEXT_BETWEEN_TAGS.matcher(html);
            while (text.find()) {
                if (!text.group(1).isBlank()) {
                    problems.add(template.getFileName() + ": literal text '" + text.group(1).trim() + "'");
                }
            }
            if (html.contains(" style=") || html.matches("(?s).*<script(?![^>]*\\bth:src=)[^>]*>.*")) {
                problems.add(template.getFileName() + ": inline style or script");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_fixed_key_of_the_templates_and_rules_exists() throws IOException {
        Set<String> known = new TreeSet<>();
        try (Stream<Path> bundles = Files.list(RESOURCES.resolve("i18n"))) {
            for (Path bundle : bundles.filter(p -> !p.getFileName().toString().contains("_")).toList()) {
                known.addAll(load(RESOURCES.relativize(bundle).toString()).stringPropertyNames());
            }
        }
        Set<String> used = new TreeSet<>();
        for (Path template : templates()) {
            collect(TEMPLATE_KEY, Files.readString(template), used);
        }
        for (String module : MODULES) {
            try (Stream<Path> files = Files.list(SOURCES.resolve(module))) {
                for (Path source : files.toList()) {
                    collect(JAVA_KEY, Files.readString(source), used);
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            // A key ending in a dot is the fixed start of a computed key ('citizen.gender.' + ...).
            if (!matcher.group(1).endsWith(".")) {
                into.add(matcher.group(1));
            }
        }
    }

    private static List<Path> templates() throws IOException {
        List<Path> templates = new ArrayList<>();
        for (String module : MODULES) {
            try (Stream<Path> files = Files.list(RESOURCES.resolve("templates").resolve(module))) {
                templates.addAll(files.filter(p -> p.toString().endsWith(".html")).toList());
            }
        }
        assertThat(templates).hasSizeGreaterThanOrEqualTo(8);
        return templates;
    }

    private static Properties load(String path) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(RESOURCES.resolve(path), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
