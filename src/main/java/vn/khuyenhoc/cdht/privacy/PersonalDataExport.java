package vn.khuyenhoc.cdht.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.citizen.CitizenSummary;
import vn.khuyenhoc.cdht.document.PdfRenderer;
import vn.khuyenhoc.cdht.evidence.EvidenceFiles;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.PersonalDataHolder;

/**
 * Everything held about one citizen as one ZIP: {@code du-lieu.json} (every row of every module's tables about the
 * person, and the audit lines about those records: who viewed or changed them and when), {@code tom-tat.pdf} (the
 * same, readable) and the evidence files themselves. The export is itself audited.
 */
@Service
public class PersonalDataExport {

    static final String JSON_NAME = "du-lieu.json";
    static final String PDF_NAME = "tom-tat.pdf";
    static final String FILES_FOLDER = "minh-chung/";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final PrivacyAccess access;
    private final List<PersonalDataHolder> holders;
    private final AuditLog audit;
    private final EvidenceFiles evidence;
    private final PdfRenderer pdf;

    PersonalDataExport(PrivacyAccess access, List<PersonalDataHolder> holders, AuditLog audit,
            EvidenceFiles evidence, PdfRenderer pdf) {
        this.access = access;
        this.holders = holders;
        this.audit = audit;
        this.evidence = evidence;
        this.pdf = pdf;
    }

    /** What was exported: the ZIP's bytes and the name to download it under. */
    public record Export(String fileName, byte[] zip) {
    }

    @Transactional(readOnly = true)
    public Export export(CurrentUser user, long citizenId, Locale locale) {
        CitizenSummary citizen = access.require(user, citizenId);
        Map<String, List<Map<String, Object>>> tables = tables(citizenId);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("citizen_id", citizenId);
        document.put("exported_at", Instant.now().toString());
        document.put("exported_by", user.username());
        document.put("tables", tables);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, JSON_NAME, JSON.writeValueAsBytes(document));
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("citizen", citizen);
            variables.put("tables", tables);
            variables.put("exportedAt", java.time.LocalDateTime.now(ReadAudit.ZONE));
            variables.put("exportedBy", user.displayName());
            put(zip, PDF_NAME, pdf.render("privacy/pdf/summary", variables, locale));
            for (Map<String, Object> file : tables.getOrDefault("evidence_file", List.of())) {
                long id = ((Number) file.get("id")).longValue();
                put(zip, FILES_FOLDER + id + "-" + file.get("file_name"), evidence.bytesOf(id));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        audit.recordRead(user.username(), "CITIZEN_DATA_EXPORTED", ReadAudit.CITIZEN_READ, citizenId,
                citizen.residenceUnitId(), null);
        return new Export("du-lieu-ca-nhan-" + citizenId + ".zip", bytes.toByteArray());
    }

    /** Every holder's tables, then the audit lines about their records, values made plain for JSON. */
    Map<String, List<Map<String, Object>>> tables(long citizenId) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        Map<String, Collection<Long>> subjects = new LinkedHashMap<>();
        for (PersonalDataHolder holder : holders) {
            holder.export(citizenId).forEach((table, rows) -> tables.put(table, plain(rows)));
            subjects.putAll(holder.auditSubjects(citizenId));
        }
        // and who read them (the read audit keeps its own entity types)
        subjects.put(ReadAudit.CITIZEN_READ, List.of(citizenId));
        subjects.put(ReadAudit.ASSESSMENT_READ, subjects.getOrDefault(Assessments.AUDIT_TYPE, List.of()));
        tables.put("audit_event", plain(audit.linesAbout(subjects)));
        return tables;
    }

    private static List<Map<String, Object>> plain(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new LinkedHashMap<>();
            row.forEach((column, value) -> copy.put(column.toLowerCase(Locale.ROOT), plain(value)));
            out.add(copy);
        }
        return out;
    }

    private static Object plain(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.time.temporal.TemporalAccessor || value instanceof java.util.Date) {
            return value.toString();
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return value;
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }
}
