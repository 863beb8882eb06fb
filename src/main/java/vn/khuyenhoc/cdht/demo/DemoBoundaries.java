package vn.khuyenhoc.cdht.demo;

import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.report.BoundarySeeding;
import vn.khuyenhoc.cdht.shared.DemoMode;

/**
 * Demo mode only: a schematic boundary file for the demo's province, communes and hamlets (bevelled rectangles,
 * stored as schematic so every map says it is not a real boundary), once, when no boundary is stored yet.
 */
@Component
@Order(20)
class DemoBoundaries implements ApplicationRunner {

    static final String FILE = "demo/boundaries-schematic.geojson";
    private static final Logger log = LoggerFactory.getLogger(DemoBoundaries.class);

    private final DemoMode mode;
    private final BoundarySeeding maps;

    DemoBoundaries(DemoMode mode, BoundarySeeding maps) {
        this.mode = mode;
        this.maps = maps;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!mode.enabled() || !maps.noneStored()) {
            return;
        }
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            int stored = maps.loadSchematic("boundaries-schematic.geojson", in.readAllBytes());
            log.info("CDHT demo mode: loaded schematic map boundaries of {} units.", stored);
        }
    }
}
