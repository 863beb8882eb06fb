package vn.khuyenhoc.cdht.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Years reach some messages as numbers (an {@code int} from the code, a record's {@code birthYear}); with a plain
 * {@code {0}} the Vietnamese number format prints them "2.026" (issue 14, item 8). These keys must say
 * {@code {n,number,#}}; the others get years as text from their callers.
 */
class YearMessagesTest {

    /** Message key -> index of the argument the code passes as an Integer year. */
    private static final Map<String, Integer> INTEGER_YEARS = Map.ofEntries(
            Map.entry("assessment.start.yearRange", 0), Map.entry("assessment.start.noCriteria", 0),
            Map.entry("assessment.start.exists", 0), Map.entry("assessment.action.outOfScope", 0),
            Map.entry("assessment.show.title", 0), Map.entry("assessment.list.title", 0),
            Map.entry("citizen.latest", 1), Map.entry("privacy.pdf.subject", 1),
            Map.entry("recognition.revoke.intro", 1), Map.entry("recognition.list.title", 0),
            Map.entry("community.status.inYear", 0), Map.entry("portal.staff.title", 0));

    @Test
    void integer_years_print_without_a_thousands_separator_in_both_languages() throws IOException {
        ResourceBundleMessageSource messages = messages();
        for (Locale locale : new Locale[] {Locale.forLanguageTag("vi"), Locale.ENGLISH}) {
            INTEGER_YEARS.forEach((key, index) -> {
                Object[] args = new Object[index + 3];
                Arrays.fill(args, "x");
                args[index] = 2026;
                String text = messages.getMessage(key, args, locale);
                assertThat(text).as(key + " (" + locale + ")").contains("2026").doesNotContain("2.026")
                        .doesNotContain("2,026");
            });
        }
    }

    /** The application's bundles, as spring.messages.* configures them. */
    private static ResourceBundleMessageSource messages() throws IOException {
        Properties application = new Properties();
        try (InputStream in = YearMessagesTest.class.getResourceAsStream("/application.properties")) {
            application.load(in);
        }
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames(application.getProperty("spring.messages.basename").split(","));
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
