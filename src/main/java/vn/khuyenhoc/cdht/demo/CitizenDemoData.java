package vn.khuyenhoc.cdht.demo;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.community.CollectiveDraft;
import vn.khuyenhoc.cdht.community.CollectiveKind;
import vn.khuyenhoc.cdht.community.Collectives;
import vn.khuyenhoc.cdht.community.LearningUnitType;
import vn.khuyenhoc.cdht.community.YearStatusDraft;
import vn.khuyenhoc.cdht.shared.DemoMode;
import vn.khuyenhoc.cdht.shared.SystemActor;

/**
 * Demo mode only: households, clans, hamlet communities, learning units and about forty citizens in the hamlets
 * of Xã Vĩnh Linh and Xã Cửa Tùng. Runs after the units and accounts (order 10), once, on empty tables, through
 * the same services as the pages, so every row is checked and audited. Names are invented; CCCD numbers follow
 * the real layout (Quảng Trị's code 045, gender/century digit, birth year) but belong to nobody.
 */
@Component
@Order(20)
class CitizenDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CitizenDemoData.class);
    private static final int LAST_YEAR = 2025;

    private final DemoMode mode;
    private final Units units;
    private final Collectives collectives;
    private final Citizens citizens;
    private final TransactionTemplate transaction;
    private final Map<String, Long> ids = new HashMap<>();

    CitizenDemoData(DemoMode mode, Units units, Collectives collectives, Citizens citizens,
            PlatformTransactionManager transactionManager) {
        this.mode = mode;
        this.units = units;
        this.collectives = collectives;
        this.citizens = citizens;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    @Override
    public void run(ApplicationArguments args) {
        // All or nothing: a half-loaded demo would never be completed, since loading needs empty tables.
        transaction.executeWithoutResult(status -> load());
    }

    private void load() {
        if (!mode.enabled() || !collectives.isEmpty() || !citizens.isEmpty()) {
            return;
        }
        if (units.findByCodeOn("N-VLINH", LocalDate.now()).isEmpty()
                || units.findByCodeOn("N-CTUNG", LocalDate.now()).isEmpty()) {
            log.info("Demo citizens skipped: the demo communes N-VLINH and N-CTUNG are missing.");
            return;
        }
        loadCollectives();
        int count = loadCitizens();
        log.info("CDHT demo mode: loaded {} collectives and {} citizens.", ids.size(), count);
    }

    private void loadCollectives() {
        collective("hh-hung", CollectiveKind.HOUSEHOLD, "Gia đình ông Nguyễn Văn Hùng", "VLINH-T01", null);
        collective("hh-lan", CollectiveKind.HOUSEHOLD, "Gia đình bà Trần Thị Lan", "VLINH-T01", null);
        collective("hh-minh", CollectiveKind.HOUSEHOLD, "Gia đình ông Lê Văn Minh", "VLINH-T02", null);
        collective("hh-son", CollectiveKind.HOUSEHOLD, "Gia đình ông Hoàng Văn Sơn", "VLINH-T03", null);
        collective("hh-hoa", CollectiveKind.HOUSEHOLD, "Gia đình bà Phan Thị Hoa", "VLINH-T04", null);
        collective("hh-tam", CollectiveKind.HOUSEHOLD, "Gia đình ông Võ Văn Tâm", "CTUNG-T01", null);
        collective("hh-luc", CollectiveKind.HOUSEHOLD, "Gia đình ông Đặng Văn Lực", "CTUNG-T02", null);
        collective("hh-mai", CollectiveKind.HOUSEHOLD, "Gia đình bà Ngô Thị Mai", "CTUNG-T03", null);
        collective("clan-nguyen", CollectiveKind.CLAN, "Dòng họ Nguyễn Văn làng Hồ Xá", "N-VLINH", null);
        collective("clan-le", CollectiveKind.CLAN, "Dòng họ Lê thôn Vĩnh Long", "VLINH-T02", null);
        collective("clan-vo", CollectiveKind.CLAN, "Dòng họ Võ Cửa Tùng", "N-CTUNG", null);
        collective("cd-hoxa", CollectiveKind.COMMUNITY, "Cộng đồng học tập thôn Hồ Xá", "VLINH-T01", null);
        collective("cd-vlong", CollectiveKind.COMMUNITY, "Cộng đồng học tập thôn Vĩnh Long", "VLINH-T02", null);
        collective("cd-anduc", CollectiveKind.COMMUNITY, "Cộng đồng học tập thôn An Đức", "CTUNG-T01", null);
        collective("lu-thcs", CollectiveKind.LEARNING_UNIT, "Trường THCS Vĩnh Linh", "N-VLINH",
                LearningUnitType.SCHOOL);
        collective("lu-ubnd", CollectiveKind.LEARNING_UNIT, "Ủy ban nhân dân xã Vĩnh Linh", "N-VLINH",
                LearningUnitType.AGENCY);
        collective("lu-thuysan", CollectiveKind.LEARNING_UNIT, "Công ty TNHH Thủy sản Cửa Tùng", "N-CTUNG",
                LearningUnitType.ENTERPRISE);
        collective("lu-tieuhoc", CollectiveKind.LEARNING_UNIT, "Trường Tiểu học Cửa Tùng", "N-CTUNG",
                LearningUnitType.SCHOOL);
        collective("lu-sogd", CollectiveKind.LEARNING_UNIT, "Sở Giáo dục và Đào tạo Quảng Trị", "QT",
                LearningUnitType.AGENCY);

        LocalDate decided2024 = LocalDate.of(2024, 12, 20);
        status("hh-hung", 2024, true, "45/QĐ-UBND", decided2024, null);
        status("hh-lan", 2024, true, "45/QĐ-UBND", decided2024, null);
        status("hh-minh", 2024, false, null, null, null);
        status("hh-tam", 2024, true, "112/QĐ-HKH", LocalDate.of(2024, 12, 26), null);
        status("clan-nguyen", 2024, true, "46/QĐ-UBND", decided2024, null);
        status("cd-hoxa", 2024, true, "47/QĐ-UBND", decided2024, null);
        status("cd-anduc", 2024, false, null, null, null);
        status("lu-thcs", 2024, true, "48/QĐ-UBND", decided2024, 42);
        status("lu-ubnd", 2024, false, null, null, 31);
        status("lu-thuysan", 2024, false, null, null, 120);
        status("lu-tieuhoc", 2024, true, "113/QĐ-HKH", LocalDate.of(2024, 12, 26), 28);
        status("lu-thcs", LAST_YEAR, false, null, null, 44);
    }

    private int loadCitizens() {
        List<Person> people = List.of(
                new Person("Nguyễn Văn An", 1978, Gender.MALE, "VLINH-T01", "FARMER", "hh-hung", "clan-nguyen", null),
                new Person("Nguyễn Văn Hùng", 1965, Gender.MALE, "VLINH-T01", "FARMER", "hh-hung", "clan-nguyen",
                        null),
                new Person("Lê Thị Thu", 1968, Gender.FEMALE, "VLINH-T01", "FARMER", "hh-hung", null, null),
                new Person("Nguyễn Thị Ánh Dương", 1996, Gender.FEMALE, "VLINH-T01", "OFFICIAL", "hh-hung",
                        "clan-nguyen", "lu-ubnd"),
                new Person("Trần Thị Lan", 1972, Gender.FEMALE, "VLINH-T01", "WORKER", "hh-lan", null, null),
                new Person("Phạm Văn Đức", 1970, Gender.MALE, "VLINH-T01", "WORKER", "hh-lan", null, null),
                new Person("Phạm Thị Hằng", 1999, Gender.FEMALE, "VLINH-T01", "OFFICIAL", "hh-lan", null, "lu-thcs"),
                new Person("Hồ Văn Quý", 1958, Gender.MALE, "VLINH-T01", "FARMER", null, null, null),
                new Person("Nguyễn Thị Bích", 1984, Gender.FEMALE, "VLINH-T01", "OTHER", null, "clan-nguyen", null),
                new Person("Lê Văn Minh", 1975, Gender.MALE, "VLINH-T02", "FARMER", "hh-minh", "clan-le", null),
                new Person("Trương Thị Hương", 1979, Gender.FEMALE, "VLINH-T02", "FARMER", "hh-minh", null, null),
                new Person("Lê Quang Huy", 2001, Gender.MALE, "VLINH-T02", "WORKER", "hh-minh", "clan-le", null),
                new Person("Lê Thị Ngọc Ánh", 1988, Gender.FEMALE, "VLINH-T02", "OFFICIAL", null, "clan-le",
                        "lu-thcs"),
                new Person("Đoàn Văn Tú", 1962, Gender.MALE, "VLINH-T02", "FARMER", null, null, null),
                new Person("Hoàng Văn Sơn", 1969, Gender.MALE, "VLINH-T03", "FARMER", "hh-son", null, null),
                new Person("Nguyễn Thị Tuyết", 1971, Gender.FEMALE, "VLINH-T03", "FARMER", "hh-son", null, null),
                new Person("Hoàng Minh Khoa", 1998, Gender.MALE, "VLINH-T03", "OFFICIAL", "hh-son", null, "lu-ubnd"),
                new Person("Dương Văn Thắng", 1983, Gender.MALE, "VLINH-T03", "WORKER", null, null, null),
                new Person("Phan Thị Hoa", 1974, Gender.FEMALE, "VLINH-T04", "WORKER", "hh-hoa", null, null),
                new Person("Trần Văn Bình", 1973, Gender.MALE, "VLINH-T04", "WORKER", "hh-hoa", null, null),
                new Person("Trần Phan Bảo Ngọc", 2003, Gender.FEMALE, "VLINH-T04", "OTHER", "hh-hoa", null, null),
                new Person("Nguyễn Văn Anh", 1990, Gender.MALE, "VLINH-T04", "OFFICIAL", null, "clan-nguyen",
                        "lu-sogd"),
                new Person("Võ Văn Tâm", 1967, Gender.MALE, "CTUNG-T01", "FARMER", "hh-tam", "clan-vo", null),
                new Person("Nguyễn Thị Sen", 1970, Gender.FEMALE, "CTUNG-T01", "FARMER", "hh-tam", null, null),
                new Person("Võ Thị Kim Oanh", 1995, Gender.FEMALE, "CTUNG-T01", "OFFICIAL", "hh-tam", "clan-vo",
                        "lu-tieuhoc"),
                new Person("Võ Đình Phúc", 1993, Gender.MALE, "CTUNG-T01", "WORKER", null, "clan-vo", "lu-thuysan"),
                new Person("Lê Văn Cường", 1960, Gender.MALE, "CTUNG-T01", "FARMER", null, null, null),
                new Person("Đặng Văn Lực", 1976, Gender.MALE, "CTUNG-T02", "WORKER", "hh-luc", null, "lu-thuysan"),
                new Person("Bùi Thị Nga", 1978, Gender.FEMALE, "CTUNG-T02", "WORKER", "hh-luc", null, "lu-thuysan"),
                new Person("Đặng Thị Thanh Tâm", 2000, Gender.FEMALE, "CTUNG-T02", "OFFICIAL", "hh-luc", null,
                        "lu-tieuhoc"),
                new Person("Nguyễn Hữu Lộc", 1986, Gender.MALE, "CTUNG-T02", "FARMER", null, null, null),
                new Person("Trần Đình Vũ", 1981, Gender.MALE, "CTUNG-T02", "OTHER", null, null, null),
                new Person("Ngô Thị Mai", 1966, Gender.FEMALE, "CTUNG-T03", "FARMER", "hh-mai", null, null),
                new Person("Phạm Văn Long", 1964, Gender.MALE, "CTUNG-T03", "FARMER", "hh-mai", null, null),
                new Person("Phạm Ngô Gia Bảo", 1997, Gender.MALE, "CTUNG-T03", "WORKER", "hh-mai", null,
                        "lu-thuysan"),
                new Person("Võ Thị Hồng Nhung", 1992, Gender.FEMALE, "CTUNG-T03", "OFFICIAL", null, "clan-vo",
                        "lu-tieuhoc"),
                new Person("Lương Văn Hải", 1955, Gender.MALE, "CTUNG-T03", "FARMER", null, null, null),
                new Person("Hồ Thị Xuân", 1987, Gender.FEMALE, "CTUNG-T03", "OTHER", null, null, null),
                new Person("Đinh Công Thành", 1980, Gender.MALE, "N-CTUNG", "OFFICIAL", null, null, "lu-sogd"),
                new Person("Mai Thị Phương", 1985, Gender.FEMALE, "N-VLINH", "OFFICIAL", null, null, "lu-ubnd"));
        int serial = 0;
        for (Person p : people) {
            serial++;
            // Every third person gave a CCCD, every second a phone number.
            String idNumber = serial % 3 == 0 ? demoIdNumber(p.birthYear(), p.gender(), serial) : null;
            String phone = serial % 2 == 0 ? String.format("09%08d", 12_345_000 + serial * 7) : null;
            citizens.create(SystemActor.INSTANCE, new CitizenDraft(p.name(), p.birthYear(), p.gender(), p.unit(),
                    p.group(), id(p.workplace()), id(p.household()), id(p.clan()), phone, idNumber, null), true);
        }
        return people.size();
    }

    /** Quảng Trị (045), then the gender/century digit, the birth year's last two digits, a serial. */
    private static String demoIdNumber(int birthYear, Gender gender, int serial) {
        int centuryDigit = (birthYear / 100 - 19) * 2 + (gender == Gender.FEMALE ? 1 : 0);
        return String.format("045%d%02d%06d", centuryDigit, birthYear % 100, 700_000 + serial);
    }

    private void collective(String key, CollectiveKind kind, String name, String unitCode, LearningUnitType type) {
        ids.put(key, collectives.create(SystemActor.INSTANCE, new CollectiveDraft(kind, name, unitCode, type)));
    }

    private void status(String key, int year, boolean recognised, String decision, LocalDate date, Integer members) {
        collectives.recordStatus(SystemActor.INSTANCE, ids.get(key),
                new YearStatusDraft(year, recognised, decision, date, members), null);
    }

    private Long id(String key) {
        return key == null ? null : ids.get(key);
    }

    private record Person(String name, int birthYear, Gender gender, String unit, String group, String household,
            String clan, String workplace) {
    }
}
