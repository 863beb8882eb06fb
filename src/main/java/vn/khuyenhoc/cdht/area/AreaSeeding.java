package vn.khuyenhoc.cdht.area;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.shared.SystemActor;

/** Loads units the application itself needs: the national root on first start, and demo data. */
@Service
public class AreaSeeding {

    static final String NATIONAL_ROOT_CODE = "VN";

    private final AdminUnitRepository units;
    private final UnitAdministration administration;
    private final UnitCsvImport csvImport;

    AreaSeeding(AdminUnitRepository units, UnitAdministration administration, UnitCsvImport csvImport) {
        this.units = units;
        this.administration = administration;
        this.csvImport = csvImport;
    }

    public boolean isEmpty() {
        return units.count() == 0;
    }

    /** The top of the tree (Việt Nam), created on an empty database so that the first admin has a unit. */
    @Transactional
    public long ensureNationalRoot() {
        return units.findByParentIdIsNullOrderByName().stream()
                .filter(AdminUnit::isCurrent)
                .findFirst()
                .map(AdminUnit::getId)
                .orElseGet(() -> administration.create(SystemActor.INSTANCE, new UnitDraft(NATIONAL_ROOT_CODE,
                        "Việt Nam", "country", null, LocalDate.of(1945, 9, 2), null, null)));
    }

    /** Imports a units CSV (the import page's format) as the system; fails if any row is refused. */
    public int loadUnits(byte[] csv) {
        UnitCsvImport.ImportReport report = csvImport.run(SystemActor.INSTANCE, csv, false);
        if (!report.committed()) {
            throw new IllegalStateException("seed units refused: " + report.rows().stream()
                    .filter(r -> !r.ok()).map(r -> r.line() + " " + r.code() + " " + r.errors()).toList()
                    + (report.fileError() == null ? "" : " " + report.fileError()));
        }
        return report.rows().size();
    }

    /** Records successions from a CSV with columns old_code, new_code, effective. */
    @Transactional
    public int loadSuccessions(byte[] csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setTrim(true).get();
        int count = 0;
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(csv, StandardCharsets.UTF_8)), format)) {
            for (CSVRecord row : parser) {
                administration.recordSuccession(SystemActor.INSTANCE, row.get("old_code"), row.get("new_code"),
                        LocalDate.parse(row.get("effective")), null);
                count++;
            }
        } catch (IOException e) {
            throw new IllegalStateException("seed successions unreadable", e);
        }
        return count;
    }
}
