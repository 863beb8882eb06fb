package vn.khuyenhoc.cdht.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails the build when a template shows text that does not come from the message files, when a template names
 * a key that no bundle has, or when the Vietnamese and English bundles drift apart.
 */
class I18nSyncTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");
    private static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*)<");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern LITERAL_ATTRIBUTE = Pattern.compile(
            "(?<![:\\w-])(placeholder|title|alt|aria-label)=\"([^\"]*)\"");
    private static final Pattern JAVA_KEY = Pattern.compile("\"([a-z]+(?:\\.[A-Za-z0-9_]+)+\\.?)\"");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]");

    @Test
    void templates_hold_no_hard_coded_text() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path template : templates()) {
            // Comments and the CSS of PDF templates (never served to a browser) are not visible text.
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "")
                    .replaceAll("(?s)<style>.*?</style>", "");
            Matcher text = TEXT_NODE.matcher(html);
            while (text.find()) {
                String chunk = text.group(1).trim();
                if (LETTER.matcher(chunk).find() && !chunk.matches("\\[\\[.*]]")) {
                    offenders.add(TEMPLATES.relativize(template) + ": text '" + chunk + "'");
                }
            }
            Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
            while (attribute.find()) {
                if (LETTER.matcher(attribute.group(2)).find()) {
                    offenders.add(TEMPLATES.relativize(template) + ": " + attribute.group(1) + "='"
                            + attribute.group(2) + "'");
                }
            }
        }
        assertThat(offenders).as("visible text must come from the message files").isEmpty();
    }

    @Test
    void every_message_key_named_in_a_template_exists() throws IOException {
        Set<String> known = new HashSet<>();
        for (Path bundle : bundles()) {
            known.addAll(keys(bundle));
        }
        Set<String> missing = new TreeSet<>();
        for (Path template : templates()) {
            Matcher key = MESSAGE_KEY.matcher(Files.readString(template));
            while (key.find()) {
                if (!known.contains(key.group(1))) {
                    missing.add(TEMPLATES.relativize(template) + ": " + key.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void pages_hold_no_inline_style_or_script() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (Path template : templates()) {
            if (template.startsWith(TEMPLATES.resolve("document")) || template.toString().contains("/pdf/")) {
                continue; // PDF templates are never served to a browser: their CSS is theirs
            }
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            if (html.matches("(?s).*\\sstyle=.*") || html.contains("<style")
                    || html.matches("(?s).*<script(?![^>]*\\b(th:)?src=)[^>]*>.*")) {
                offenders.add(TEMPLATES.relativize(template).toString());
            }
        }
        assertThat(offenders).as("the CSP forbids inline style and script").isEmpty();
    }

    /** String literals in the code that look like message keys of a known family must exist in a bundle. */
    @Test
    void every_message_key_named_in_the_code_exists() throws IOException {
        Set<String> known = new HashSet<>();
        for (Path bundle : bundles()) {
            known.addAll(keys(bundle));
        }
        Set<String> families = new HashSet<>();
        known.forEach(key -> families.add(key.substring(0, Math.max(0, key.indexOf('.')))));
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher literal = JAVA_KEY.matcher(Files.readString(source));
                while (literal.find()) {
                    String key = literal.group(1);
                    String family = key.substring(0, key.indexOf('.'));
                    if (families.contains(family) && !key.endsWith(".") && !known.contains(key)) {
                        missing.add(source.getFileName() + ": " + key);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void vietnamese_and_english_bundles_have_the_same_keys() throws IOException {
        List<Path> vietnamese = bundles().stream().filter(p -> !p.getFileName().toString().contains("_")).toList();
        assertThat(vietnamese).isNotEmpty();
        for (Path vi : vietnamese) {
            Path en = vi.resolveSibling(vi.getFileName().toString().replace(".properties", "_en.properties"));
            assertThat(en).as("English bundle beside " + vi).exists();
            Set<String> viKeys = keys(vi);
            Set<String> enKeys = keys(en);
            Set<String> onlyVi = new TreeSet<>(viKeys);
            onlyVi.removeAll(enKeys);
            Set<String> onlyEn = new TreeSet<>(enKeys);
            onlyEn.removeAll(viKeys);
            assertThat(onlyVi).as("keys missing from " + en.getFileName()).isEmpty();
            assertThat(onlyEn).as("keys missing from " + vi.getFileName()).isEmpty();
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).toList();
        }
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(p -> p.toString().endsWith(".properties")).sorted().toList();
        }
    }

    private static Set<String> keys(Path bundle) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(bundle, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties.stringPropertyNames();
    }
}
