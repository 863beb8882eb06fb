package vn.khuyenhoc.cdht.benchdata;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import vn.khuyenhoc.cdht.shared.SearchText;

/**
 * Writes a province-sized data set straight into PostgreSQL with set-based SQL (benchdata/province.sql): units,
 * households, clans, learning units and their statuses, citizens, five years of assessments and the recognition
 * decisions. Size and seed are the only inputs: the same pair gives identical rows. Communes and hamlets scale with
 * the size (one commune of 19 hamlets per 20,000 citizens, so 80 communes and 1,520 hamlets at 1.6 million).
 * Plain JDBC on one connection in one transaction; it does not touch the roll-ups or accounts (the runner does).
 */
public final class ProvinceGenerator {

    public static final int MIN_CITIZENS = 10_000;
    public static final long PROVINCE_ID = 100_000_000L;
    public static final long FIRST_COMMUNE_ID = 100_001_000L;
    static final int CITIZENS_PER_COMMUNE = 20_000;
    static final int HAMLETS_PER_COMMUNE = 19;

    // Family names weighted by repetition (Nguyễn about a third), middle names male then female (same count).
    private static final List<String> FAMILY = List.of("Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn",
            "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
            "Hồ", "Ngô", "Dương", "Lý");
    private static final List<String> MIDDLE = List.of("Văn", "Hữu", "Đức", "Minh", "Quang", "Công", "Thị", "Thị",
            "Ngọc", "Thu", "Thanh", "Kim");
    private static final List<String> GIVEN = List.of("An", "Anh", "Bảo", "Bình", "Chi", "Cường", "Dũng", "Dương",
            "Đạt", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hòa", "Hùng", "Hương", "Huy", "Khánh", "Lan", "Linh",
            "Long", "Mai", "Minh", "Nam", "Nga", "Ngân", "Nhung", "Phong", "Phúc", "Phương", "Quân", "Quang", "Sơn",
            "Tâm", "Thảo", "Thắng", "Thủy", "Trang", "Trung", "Tuấn", "Uyên", "Vân", "Việt", "Vy", "Xuân", "Yến");

    private final int citizens;
    private final long seed;

    public ProvinceGenerator(int citizens, long seed) {
        if (citizens < MIN_CITIZENS) {
            throw new IllegalArgumentException("cdht.generate.citizens must be at least " + MIN_CITIZENS);
        }
        this.citizens = citizens;
        this.seed = seed;
    }

    public int communes() {
        return Math.max(2, Math.round(citizens / (float) CITIZENS_PER_COMMUNE));
    }

    public int hamlets() {
        return communes() * HAMLETS_PER_COMMUNE;
    }

    /** Runs every statement on the connection, in one transaction; progress lines go to the consumer. */
    public void generate(Connection connection, Consumer<String> progress) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            List<String> statements = statements();
            for (int i = 0; i < statements.size(); i++) {
                String sql = statements.get(i);
                long start = System.nanoTime();
                int rows = statement.executeUpdate(sql);
                progress.accept(String.format("step %d/%d: %,d rows in %,d ms (%s)", i + 1, statements.size(), rows,
                        (System.nanoTime() - start) / 1_000_000, firstWords(sql)));
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The script with its placeholders filled, split into statements (none contains ";" + newline inside). */
    List<String> statements() {
        String script = script();
        for (Map.Entry<String, String> value : values().entrySet()) {
            script = script.replace("${" + value.getKey() + "}", value.getValue());
        }
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\n")) {
            if (line.startsWith("--") || (line.isBlank() && current.isEmpty())) {
                continue;
            }
            current.append(line).append('\n');
            if (line.stripTrailing().endsWith(";")) {
                statements.add(current.toString().strip().replaceAll(";$", ""));
                current.setLength(0);
            }
        }
        if (statements.stream().anyMatch(sql -> sql.contains("${"))) {
            throw new IllegalStateException("unfilled placeholder in benchdata/province.sql");
        }
        return statements;
    }

    private Map<String, String> values() {
        int communes = communes();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("citizens", Integer.toString(citizens));
        values.put("seed", Long.toString(seed));
        values.put("communes", Integer.toString(communes));
        values.put("oldCommunes", Integer.toString(communes * 3 / 2));
        values.put("hamlets", Integer.toString(hamlets()));
        values.put("provinceUnits", Integer.toString(Math.max(1, communes * 3 / 4)));
        values.put("familyNames", array(FAMILY, false));
        values.put("familyFolded", array(FAMILY, true));
        values.put("middleNames", array(MIDDLE, false));
        values.put("middleFolded", array(MIDDLE, true));
        values.put("givenNames", array(GIVEN, false));
        values.put("givenFolded", array(GIVEN, true));
        return values;
    }

    private static String array(List<String> names, boolean folded) {
        return names.stream().map(name -> "'" + (folded ? SearchText.fold(name) : name) + "'")
                .collect(Collectors.joining(", ", "ARRAY[", "]::varchar[]"));
    }

    private static String script() {
        try (InputStream in = ProvinceGenerator.class.getResourceAsStream("/benchdata/province.sql")) {
            if (in == null) {
                throw new IllegalStateException("benchdata/province.sql is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstWords(String sql) {
        String flat = sql.replaceAll("\\s+", " ");
        return flat.length() > 60 ? flat.substring(0, 60) + "..." : flat;
    }
}
