package vn.khuyenhoc.cdht.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.beans.PropertyDescriptor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.server.PathContainer;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * Every form the application maps, found from its request mappings (each POST handler, the fields of its form
 * object by reflection and its request parameters), receives hostile values as a user allowed to use it: NUL,
 * control and bidi-override characters, 10,000-character strings, huge and negative numbers, non-ASCII digits,
 * hexadecimal, an out-of-range list index. No answer may be a 5xx and the database must be exactly as before
 * (a checksum of every business table). Concrete URLs for path variables come from crawling the pages as the
 * demo users; a new form is covered without touching this test.
 */
class HostileInputTest extends PostgresIntegrationTest {

    private static final List<String> USERS = List.of("admin", "tinh", "xa1", "thon1");
    private static final int MAX_PAGES = 500;
    private static final int PER_SHAPE = 3;
    private static final String LONG = "a".repeat(10_000);
    /** Pairs of (text for every text field, number for every number field): each request is hostile throughout. */
    private static final List<String[]> VARIANTS = List.of(
            new String[] {"Nguyễn\u0000Văn", "-1"},
            new String[] {"\u202Egnp.exe", "99999999999999999999"},
            new String[] {"C1\u0085x", "\u0665"},
            new String[] {LONG, "0x5"},
            new String[] {"bell\u0007", "-2147483649"},
            new String[] {"\u2066iso\u2069", "\uFF15"});
    /** Derived or bookkeeping tables that legitimately change while the test runs (jobs of other tests, audit). */
    private static final Set<String> VOLATILE = Set.of("audit_event", "rate_limit_bucket",
            "scheduled_tasks", "flyway_schema_history", "spring_session", "spring_session_attributes");
    private static final Pattern LINK = Pattern.compile("(?:href|action)=\"(/[^\"#]*)\"");

    private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void hostile_values_in_every_form_change_nothing_and_never_give_a_server_error() throws Exception {
        Set<String> urls = crawl();
        List<String> problems = new ArrayList<>();
        int exercised = 0;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            if (!info.getMethodsCondition().getMethods().contains(RequestMethod.POST)
                    || info.getPathPatternsCondition() == null) {
                continue;
            }
            Map<String, Field> fields = fields(entry.getValue());
            if (fields.isEmpty()) {
                continue; // an action without input (publish, delete): nothing hostile to type
            }
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                String url = concrete(pattern, urls);
                if (attack(url, fields, problems)) {
                    exercised++;
                }
            }
        }
        System.out.println("HostileInputTest: " + exercised + " forms reached, statuses " + statuses);
        assertThat(exercised).as("forms reached with hostile values").isGreaterThan(40);
        assertThat(problems).as("forms that broke or changed data under hostile input").isEmpty();
    }

    /** Posts every variant as the first user allowed in; true when some user got past the door. */
    private boolean attack(String url, Map<String, Field> fields, List<String> problems) throws Exception {
        boolean portal = url.startsWith("/c/");
        for (String user : portal ? List.of("") : USERS) {
            String before = checksum();
            boolean allowed = false;
            for (String[] variant : VARIANTS) {
                MockHttpServletRequestBuilder request = post(url).with(csrf());
                if (!portal) {
                    request.with(as(user));
                }
                for (Map.Entry<String, Field> field : fields.entrySet()) {
                    field.getValue().fill(request, field.getKey(), variant);
                }
                MvcResult result;
                try {
                    result = mvc.perform(request).andReturn();
                } catch (Exception e) {
                    problems.add(url + " as " + user + " with " + describe(variant) + ": " + e);
                    continue;
                }
                int status = result.getResponse().getStatus();
                statuses.merge(status, 1, Integer::sum);
                if (status >= 500) {
                    problems.add(url + " as " + user + " with " + describe(variant) + ": " + status);
                }
                allowed |= status != 403;
            }
            String after = checksum();
            if (!before.equals(after)) {
                problems.add(url + " as " + user + ": the database changed");
            }
            if (allowed) {
                return true;
            }
        }
        return false;
    }

    /** The inputs of a POST handler: its form object's fields and its text or number request parameters. */
    private static Map<String, Field> fields(HandlerMethod handler) {
        Map<String, Field> fields = new LinkedHashMap<>();
        for (MethodParameter parameter : handler.getMethodParameters()) {
            Class<?> type = parameter.getParameterType();
            RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
            if (parameter.hasParameterAnnotation(PathVariable.class)
                    || parameter.hasParameterAnnotation(AuthenticationPrincipal.class)) {
                continue;
            }
            if (requestParam != null || (isSimple(type) && parameter.getParameterName() != null
                    && !parameter.hasParameterAnnotation(ModelAttribute.class) && type != Object.class)) {
                if (isSimple(type) || isSimpleCollection(parameter.getGenericParameterType())) {
                    String name = requestParam != null && !requestParam.name().isEmpty() ? requestParam.name()
                            : parameter.getParameterName();
                    fields.put(name, Field.of(isSimple(type) ? type : String.class));
                }
                continue;
            }
            if (type.getName().startsWith("vn.khuyenhoc.cdht") && !type.isInterface() && !type.isEnum()) {
                addProperties(type, "", fields, 0);
            }
        }
        return fields;
    }

    private static void addProperties(Class<?> type, String prefix, Map<String, Field> fields, int depth) {
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                add(prefix + component.getName(), component.getType(), component.getGenericType(), fields, depth);
            }
            return;
        }
        for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getWriteMethod() != null) {
                add(prefix + property.getName(), property.getPropertyType(),
                        property.getWriteMethod().getGenericParameterTypes()[0], fields, depth);
            }
        }
    }

    private static void add(String name, Class<?> type, Type generic, Map<String, Field> fields, int depth) {
        if (isSimple(type)) {
            fields.put(name, Field.of(type));
        } else if (Collection.class.isAssignableFrom(type) && generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element) {
            if (isSimple(element)) {
                fields.put(name, Field.of(element));
            } else if (depth < 2) {
                // the first row, and a forged index far beyond any real list
                addProperties(element, name + "[0].", fields, depth + 1);
                addProperties(element, name + "[10000].", fields, depth + 1);
            }
        } else if (Map.class.isAssignableFrom(type)) {
            fields.put(name + "[x\u0000]", Field.of(String.class));
        } else if (type.getName().startsWith("vn.khuyenhoc.cdht") && depth < 2 && !type.isEnum()) {
            addProperties(type, name + ".", fields, depth + 1);
        }
    }

    private static boolean isSimple(Class<?> type) {
        return BeanUtils.isSimpleValueType(type) || Temporal.class.isAssignableFrom(type);
    }

    private static boolean isSimpleCollection(Type type) {
        return type instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && isSimple(element);
    }

    /** What a field receives: numbers get the hostile number, everything else the hostile text. */
    private record Field(boolean number) {

        static Field of(Class<?> type) {
            return new Field(Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class));
        }

        void fill(MockHttpServletRequestBuilder request, String name, String[] variant) {
            request.param(name, number ? variant[1] : variant[0]);
        }
    }

    private static String describe(String[] variant) {
        String text = variant[0].length() > 20 ? variant[0].length() + " chars" : variant[0];
        return "[" + text.codePoints().mapToObj(c -> c < 0x20 || c > 0x7E ? String.format("U+%04X", c)
                : Character.toString(c)).reduce("", String::concat) + " | " + variant[1] + "]";
    }

    /** A URL the pages really link to that fits the pattern; else the pattern with every variable set to 1. */
    private static String concrete(PathPattern pattern, Set<String> urls) {
        for (String url : urls) {
            if (pattern.matches(PathContainer.parsePath(url))) {
                return url;
            }
        }
        return pattern.getPatternString().replaceAll("\\{[^}]*}", "1");
    }

    /** Pages and form actions reachable from the home page as each user (a few of each shape). */
    private Set<String> crawl() throws Exception {
        Set<String> found = new LinkedHashSet<>();
        Map<String, Integer> perShape = new LinkedHashMap<>();
        for (String user : USERS) {
            Deque<String> queue = new ArrayDeque<>(List.of("/"));
            Set<String> seen = new LinkedHashSet<>(queue);
            int pages = 0;
            while (!queue.isEmpty() && pages < MAX_PAGES) {
                String url = queue.poll();
                MvcResult result = mvc.perform(get(url).with(as(user))).andReturn();
                pages++;
                String type = result.getResponse().getContentType();
                if (result.getResponse().getStatus() != 200 || type == null || !type.startsWith("text/html")) {
                    continue;
                }
                Matcher link = LINK.matcher(result.getResponse().getContentAsString());
                while (link.find()) {
                    String target = link.group(1).replace("&amp;", "&");
                    String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
                    found.add(path);
                    String shape = path.replaceAll("\\d+", "#");
                    if (seen.add(path) && perShape.merge(user + shape, 1, Integer::sum) <= PER_SHAPE
                            && !path.startsWith("/webjars") && !path.startsWith("/css") && !path.startsWith("/js")
                            && !path.equals("/logout") && !path.matches(".*\\.(csv|pdf|xlsx|png|svg|json)$")
                            && !path.contains("export") && !path.contains("download")) {
                        queue.add(path);
                    }
                }
            }
        }
        return found;
    }

    /** A checksum of every business table's content, in a stable order. */
    private String checksum() {
        List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
                + "where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name",
                String.class);
        StringBuilder sums = new StringBuilder();
        for (String table : tables) {
            if (VOLATILE.contains(table) || table.startsWith("report_")) {
                continue;
            }
            sums.append(table).append('=').append(jdbc.queryForObject("select md5(coalesce(string_agg(t::text, "
                    + "'|' order by t::text), '')) from " + table + " t", String.class)).append(';');
        }
        return sums.toString();
    }
}
