package vn.khuyenhoc.cdht.demo;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.account.AccountProvisioning;
import vn.khuyenhoc.cdht.area.AreaSeeding;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.shared.DemoMode;
import vn.khuyenhoc.cdht.shared.Role;

/**
 * Demo mode only: Quảng Trị's units before and after the 2025 reform, their successions, and one account per
 * role, all with the published password {@value #DEMO_PASSWORD}. Runs once, on an empty database.
 */
@Component
@Order(10)
class DemoDataLoader implements ApplicationRunner {

    static final String DEMO_PASSWORD = "cdht-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final DemoMode mode;
    private final AreaSeeding area;
    private final Units units;
    private final AccountProvisioning accounts;

    DemoDataLoader(DemoMode mode, AreaSeeding area, Units units, AccountProvisioning accounts) {
        this.mode = mode;
        this.area = area;
        this.units = units;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!mode.enabled() || !area.isEmpty()) {
            return;
        }
        int unitCount = area.loadUnits(read("demo/units.csv"));
        int successionCount = area.loadSuccessions(read("demo/succession.csv"));
        account("admin", "Quản trị hệ thống", Role.ADMIN, "VN");
        account("tinh", "Hội Khuyến học tỉnh Quảng Trị", Role.PROVINCE_OFFICER, "QT");
        account("xem", "Xem báo cáo tỉnh Quảng Trị", Role.VIEWER, "QT");
        account("xa1", "Hội Khuyến học xã Vĩnh Linh", Role.COMMUNE_OFFICER, "N-VLINH");
        account("xa2", "Hội Khuyến học xã Cửa Tùng", Role.COMMUNE_OFFICER, "N-CTUNG");
        account("thon1", "Chi hội thôn Hồ Xá", Role.VERIFIER, "VLINH-T01");
        log.warn("CDHT demo mode: loaded {} units, {} successions and the demo accounts (password '{}'). "
                + "Never use demo mode on a real database.", unitCount, successionCount, DEMO_PASSWORD);
    }

    private void account(String username, String displayName, Role role, String unitCode) {
        UnitSummary unit = units.findByCodeOn(unitCode, LocalDate.now())
                .orElseThrow(() -> new IllegalStateException("demo unit missing: " + unitCode));
        accounts.create(username, displayName, role, unit.id(), DEMO_PASSWORD, false);
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
