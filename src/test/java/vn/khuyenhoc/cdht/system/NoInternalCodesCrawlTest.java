package vn.khuyenhoc.cdht.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.mock.web.MockHttpServletResponse;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * What a person reads never shows an internal code: the test signs in as every demo role, follows every link from
 * the home page and the menus (pages, Excel and CSV exports, PDFs), and as a citizen through the portal, and fails
 * on enum names (STAFF_PROXY, DRAFT, FARMER, MIN_TOTAL …, collected from the application's enums and the target
 * group table), {@code key=value} text, the system actor, a citizen actor id and criteria-set codes. The JSON API may
 * keep its codes. Pages of one shape (ids and query values aside) are visited a few times each, so that a run stays
 * within a minute while every kind of page is read. One page is exempt from one list: the target-group page of the
 * criteria admin, where an admin defines the groups' codes (a code is an input there, as a username is on the account
 * page).
 */
class NoInternalCodesCrawlTest extends PostgresIntegrationTest {

    private static final List<String> ROLES = List.of("admin", "tinh", "xem", "xa1", "xa2", "thon1");
    private static final int PER_SHAPE = 2;
    private static final int MAX_PAGES = 700;
    /** Words that are enum names somewhere but also plain words of a page (file formats). */
    private static final Set<String> ORDINARY_WORDS = Set.of("CSV", "XLSX", "PDF", "OK");
    private static final Pattern HREF = Pattern.compile("href=\"([^\"]*)\"");
    private static final Pattern KEY_VALUE = Pattern.compile("(?<![\\w/.:?&%-])[A-Za-z_][A-Za-z_0-9]*=[^\\s=]");
    private static final Pattern VERSION_LABEL = Pattern.compile("\\b[A-Z0-9]+(?:-[A-Z0-9]+)+ v\\d+\\b");
    private static final Pattern ACTORS = Pattern.compile("\\(system\\)|\\bsystem\\b|\\bcitizen:\\d+");

    /** The page where target-group codes are defined, and may be shown. */
    private static final String TARGET_GROUP_PAGE = "/criteria/target-groups";

    private static Set<String> enumNames;
    private Set<String> targetGroupCodes;

    @BeforeAll
    static void collectEnumNames() throws Exception {
        enumNames = new TreeSet<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        for (Resource resource : resolver.getResources("classpath*:vn/khuyenhoc/cdht/**/*.class")) {
            String url = resource.getURL().toString();
            if (url.contains("/test-classes/")) {
                continue;
            }
            String name = url.substring(url.indexOf("vn/khuyenhoc/cdht/"), url.length() - ".class".length())
                    .replace('/', '.');
            Class<?> type = Class.forName(name, false, NoInternalCodesCrawlTest.class.getClassLoader());
            if (type.isEnum()) {
                for (Object constant : type.getEnumConstants()) {
                    String constantName = ((Enum<?>) constant).name();
                    if (constantName.length() >= 3 && !ORDINARY_WORDS.contains(constantName)) {
                        enumNames.add(constantName);
                    }
                }
            }
        }
        assertThat(enumNames).contains("STAFF_PROXY", "ONLINE_SELF", "DRAFT", "MIN_TOTAL", "COMMUNE_OFFICER");
    }

    @Test
    void no_page_export_or_pdf_a_staff_member_reads_shows_an_internal_code() throws Exception {
        Set<String> codes = codes();
        int year = Year.now().getValue();
        List<String> problems = new ArrayList<>();
        Map<String, Integer> visitedPerRole = new HashMap<>();
        for (String role : ROLES) {
            List<String> seeds = List.of("/", "/transfer/template?year=" + year,
                    "/transfer/export?unit=N-VLINH&year=" + year + "&format=xlsx",
                    "/transfer/export?unit=N-VLINH&year=" + year + "&format=csv");
            int visited = crawl(seeds, url -> url, request -> request.with(as(role)), role, codes, problems);
            visitedPerRole.put(role, visited);
        }
        // the crawl really went round: every role reads a good number of pages
        assertThat(visitedPerRole.values()).as(visitedPerRole.toString())
                .allSatisfy(n -> assertThat(n).isGreaterThan(15));
        assertThat(problems).as("internal codes on pages people read").isEmpty();
    }

    @Test
    void no_portal_page_a_citizen_reads_shows_an_internal_code() throws Exception {
        int year = Year.now().getValue();
        // a demo citizen of Thôn Hồ Xá with this year's assessment, invited by xa1 as the page does it
        Map<String, Object> citizen = jdbc.queryForMap("""
                select c.id, c.birth_year from citizen c join admin_unit u on u.id = c.unit_id
                join assessment a on a.citizen_id = c.id and a.assessment_year = ?
                where u.code = 'VLINH-T01' order by c.id limit 1""", year);
        Cookie staff = sessionCookie(mvc.perform(post("/portal/invitations/citizen").with(as("xa1")).with(csrf())
                .param("citizen", citizen.get("id").toString()).param("year", String.valueOf(year))).andReturn());
        String issued = mvc.perform(get("/portal/invitations/issued").cookie(staff).with(as("xa1"))).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        Matcher link = Pattern.compile("/c/i/([A-Z0-9-]+)").matcher(issued);
        assertThat(link.find()).as("an invitation code on the issued page").isTrue();
        MvcResult signedIn = mvc.perform(post("/c/i").with(csrf()).param("code", link.group(1))
                .param("birthYear", citizen.get("birth_year").toString())).andReturn();
        Cookie cookie = signedIn.getResponse().getCookie("CDHT_CITIZEN");
        assertThat(cookie).as("signed in as the citizen").isNotNull();
        List<String> problems = new ArrayList<>();
        check("/c/i", signedIn.getResponse(), codes(), problems);
        int visited = crawl(List.of("/c", "/c/a", "/c/pin"), url -> url,
                request -> request.cookie(cookie), "citizen", codes(), problems);
        assertThat(visited).isGreaterThanOrEqualTo(2);
        assertThat(problems).as("internal codes on the citizen's pages").isEmpty();
    }

    private Set<String> codes() {
        Set<String> codes = new TreeSet<>(enumNames);
        targetGroupCodes = new TreeSet<>(jdbc.queryForList("select code from criteria_target_group", String.class));
        codes.addAll(targetGroupCodes);
        codes.addAll(jdbc.queryForList("select distinct code from criteria_set", String.class));
        return codes;
    }

    private int crawl(List<String> seeds, UnaryOperator<String> normalize,
            UnaryOperator<MockHttpServletRequestBuilder> signIn, String who, Set<String> codes, List<String> problems)
            throws Exception {
        Deque<String> queue = new ArrayDeque<>(seeds);
        Set<String> seen = new LinkedHashSet<>(seeds);
        Map<String, Integer> shapes = new HashMap<>();
        int visited = 0;
        while (!queue.isEmpty() && visited < MAX_PAGES) {
            String url = queue.poll();
            MockHttpServletResponse response = mvc.perform(signIn.apply(get(url))).andReturn().getResponse();
            visited++;
            if (response.getStatus() >= 300 && response.getStatus() < 400) {
                String location = response.getRedirectedUrl();
                if (location != null && follow(location, who) && seen.add(location)) {
                    queue.add(location);
                }
                continue;
            }
            if (response.getStatus() != 200) {
                continue;
            }
            String html = check(who + " " + url, response, codes, problems);
            if (html == null) {
                continue;
            }
            Matcher href = HREF.matcher(html);
            while (href.find()) {
                String next = normalize.apply(unescape(href.group(1)));
                if (!follow(next, who) || seen.contains(next)) {
                    continue;
                }
                String shape = shape(next);
                if (shapes.merge(shape, 1, Integer::sum) <= PER_SHAPE) {
                    seen.add(next);
                    queue.add(next);
                }
            }
        }
        return visited;
    }

    /** Checks what a response shows; returns the HTML for its links, or null for a download. */
    private String check(String where, MockHttpServletResponse response, Set<String> codes, List<String> problems)
            throws IOException {
        String type = response.getContentType() == null ? "" : response.getContentType();
        String text;
        String html = null;
        if (type.startsWith("text/html")) {
            html = response.getContentAsString(StandardCharsets.UTF_8);
            text = visibleText(html);
        } else if (type.contains("json")) {
            return null;
        } else if (type.contains("pdf")) {
            try (PDDocument document = Loader.loadPDF(response.getContentAsByteArray())) {
                text = new PDFTextStripper().getText(document);
            }
        } else if (type.contains("spreadsheetml")) {
            text = workbookText(response.getContentAsByteArray());
        } else if (type.startsWith("text/")) {
            text = response.getContentAsString(StandardCharsets.UTF_8);
        } else {
            return null;
        }
        boolean groupPage = where.endsWith(" " + TARGET_GROUP_PAGE);
        for (String code : codes) {
            if (groupPage && targetGroupCodes.contains(code)) {
                continue;
            }
            Matcher m = Pattern.compile("(?<![\\w-])" + Pattern.quote(code) + "(?![\\w-])").matcher(text);
            if (m.find()) {
                report(problems, where, "code " + code, around(text, m.start()));
            }
        }
        for (Pattern pattern : List.of(KEY_VALUE, VERSION_LABEL, ACTORS)) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                report(problems, where, "\"" + m.group() + "\"", around(text, m.start()));
            }
        }
        return html;
    }

    /** Once per kind of page and finding, so that the failure lists each leak once. */
    private static void report(List<String> problems, String where, String finding, String context) {
        String kind = shape(where.substring(where.indexOf(' ') + 1)) + ": " + finding;
        if (problems.stream().noneMatch(p -> p.contains("[" + kind + "]"))) {
            problems.add("[" + kind + "] e.g. " + where + " in \"" + context + "\"");
        }
    }

    private static String visibleText(String html) {
        String text = html.replaceAll("(?is)<script.*?</script>", " ").replaceAll("(?is)<style.*?</style>", " ")
                .replaceAll("(?s)<!--.*?-->", " ").replaceAll("(?s)<[^>]*>", " ");
        return unescape(text).replaceAll("\\s+", " ");
    }

    private static String workbookText(byte[] bytes) throws IOException {
        StringBuilder text = new StringBuilder();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(formatter.formatCellValue(cell)).append(" | ");
                    }
                    text.append('\n');
                }
            }
        }
        return text.toString();
    }

    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&nbsp;", " ").replace("&amp;", "&");
    }

    private static boolean follow(String url, String who) {
        if (!url.startsWith("/") || url.startsWith("//") || url.contains("lang=")) {
            return false;
        }
        boolean portal = url.equals("/c") || url.startsWith("/c/") || url.startsWith("/c?");
        if ("citizen".equals(who) != portal) {
            return false;
        }
        return !url.startsWith("/logout") && !url.startsWith("/webjars/") && !url.startsWith("/css/")
                && !url.startsWith("/js/") && !url.startsWith("/api/") && !url.startsWith("/actuator")
                && !url.startsWith("/h2-console") && !url.startsWith("/c/m/") && !url.startsWith("/c/i/");
    }

    /** The URL with ids and query values taken out: pages of one kind share a shape. */
    private static String shape(String url) {
        int q = url.indexOf('?');
        String path = (q < 0 ? url : url.substring(0, q)).replaceAll("\\d+", "#");
        if (q < 0) {
            return path;
        }
        Set<String> keys = new TreeSet<>();
        for (String pair : url.substring(q + 1).split("&")) {
            keys.add(pair.split("=", 2)[0]);
        }
        return path + "?" + String.join("&", keys);
    }

    private static String around(String text, int at) {
        return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + 60)).replace('\n', ' ');
    }
}
