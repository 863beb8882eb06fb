package vn.khuyenhoc.cdht.report;

import org.springframework.stereotype.Component;

/** What a loader of sample data (the demo module) may do with map boundaries: load a schematic file once. */
@Component
public class BoundarySeeding {

    private final BoundaryMaps maps;

    BoundarySeeding(BoundaryMaps maps) {
        this.maps = maps;
    }

    /** True when no unit has a boundary yet. */
    public boolean noneStored() {
        return maps.noneStored();
    }

    /** Stores a GeoJSON file as schematic boundaries (every map says so); returns how many units it covered. */
    public int loadSchematic(String fileName, byte[] content) {
        return maps.loadSchematic(fileName, content);
    }
}
