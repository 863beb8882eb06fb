package vn.khuyenhoc.cdht.evidence;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.assessment.AssessmentDetail;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.assessment.SelfAssessments;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;
import vn.khuyenhoc.cdht.shared.SequenceBlocks;

/**
 * Evidence files of assessments: attach (staff who may enter or verify the form now, or the citizen on the portal
 * while the form is theirs to edit), list, serve (scope of the assessment's unit; the citizen: own files only) and
 * remove. Attaching and removing are audited as entity type {@value #AUDIT_TYPE}, without the file's name.
 */
@Service
@Transactional
public class EvidenceFiles {

    public static final String AUDIT_TYPE = "EVIDENCE";
    private static final String COLUMNS = "id, assessment_id, indicator_code, file_name, content_type, size_bytes, "
            + "sha256, uploaded_by, uploaded_at";
    private static final RowMapper<EvidenceFile> ROW = (rs, n) -> new EvidenceFile(rs.getLong("id"),
            rs.getLong("assessment_id"), rs.getString("indicator_code"), rs.getString("file_name"),
            rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
            rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());

    private final JdbcTemplate jdbc;
    private final EvidenceChecks checks;
    private final EvidenceSettings settings;
    private final Assessments assessments;
    private final SelfAssessments selfAssessments;
    private final UnitScope scope;
    private final AuditLog audit;

    EvidenceFiles(JdbcTemplate jdbc, EvidenceChecks checks, EvidenceSettings settings, Assessments assessments,
            SelfAssessments selfAssessments, UnitScope scope, AuditLog audit) {
        this.jdbc = jdbc;
        this.checks = checks;
        this.settings = settings;
        this.assessments = assessments;
        this.selfAssessments = selfAssessments;
        this.scope = scope;
        this.audit = audit;
    }

    /** A file the staff user attaches while entering or verifying; 403 outside their reach. Returns its id. */
    public long attach(CurrentUser user, long assessmentId, String indicatorCode, String fileName, byte[] bytes) {
        AssessmentDetail detail = assessments.get(user, assessmentId);
        if (!scope.canWrite(user, detail.unitId())) {
            throw new OutOfScopeException(user.username() + " may not attach to assessment " + assessmentId);
        }
        if (!detail.may("EDIT") && !detail.may("VERIFY")) {
            throw new BusinessRuleException("evidence.closed");
        }
        return store(user.username(), detail, indicatorCode, fileName, bytes);
    }

    /** A file the signed-in citizen attaches to their own form of the year, while they may still edit it. */
    public long attachOwn(long citizenId, int year, String indicatorCode, String fileName, byte[] bytes) {
        AssessmentDetail detail = selfAssessments.find(citizenId, year)
                .orElseThrow(() -> new BusinessRuleException("evidence.closed"));
        if (!detail.may("EDIT")) {
            throw new BusinessRuleException("evidence.closed");
        }
        return store(SelfAssessments.actor(citizenId), detail, indicatorCode, fileName, bytes);
    }

    private long store(String actor, AssessmentDetail detail, String indicatorCode, String fileName, byte[] bytes) {
        String indicator = indicatorCode == null || indicatorCode.isBlank() ? null : indicatorCode.trim();
        if (indicator != null && detail.lines().stream().noneMatch(l -> l.code().equals(indicator))) {
            throw new BusinessRuleException("evidence.indicator");
        }
        Integer count = jdbc.queryForObject("select count(*) from evidence_file where assessment_id = ?",
                Integer.class, detail.id());
        if (count != null && count >= settings.maxFilesPerForm()) {
            throw new BusinessRuleException("evidence.tooMany", settings.maxFilesPerForm());
        }
        CheckedFile file = checks.check(fileName, bytes);
        long id = SequenceBlocks.next(jdbc, "evidence_file_seq", 1).get(0);
        jdbc.update("insert into evidence_file (id, assessment_id, citizen_id, unit_id, indicator_code, file_name, "
                        + "content_type, size_bytes, sha256, content, thumbnail, uploaded_by, uploaded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, detail.id(), detail.citizenId(),
                detail.unitId(), indicator, file.fileName(), file.contentType(), file.content().length,
                sha256(file.content()), file.content(), file.thumbnail(), actor, Timestamp.from(Instant.now()));
        audit.record(actor, "EVIDENCE_ATTACHED", AUDIT_TYPE, id, detail.unitId(),
                "{\"assessment\":" + detail.id() + ",\"indicator\":" + (indicator == null ? "null"
                        : "\"" + indicator + "\"") + ",\"type\":\"" + file.contentType() + "\"}", null);
        return id;
    }

    /** The files of an assessment the page already showed to the user, by indicator ("" for the whole form). */
    @Transactional(readOnly = true)
    public Map<String, List<EvidenceFile>> byIndicator(long assessmentId) {
        Map<String, List<EvidenceFile>> files = new LinkedHashMap<>();
        for (EvidenceFile file : list(assessmentId)) {
            files.computeIfAbsent(file.indicatorCode() == null ? "" : file.indicatorCode(),
                    k -> new java.util.ArrayList<>()).add(file);
        }
        return files;
    }

    @Transactional(readOnly = true)
    public List<EvidenceFile> list(long assessmentId) {
        return jdbc.query("select " + COLUMNS + " from evidence_file where assessment_id = ? order by id", ROW,
                assessmentId);
    }

    /** The files held about a citizen (for the export of their data), without content. */
    @Transactional(readOnly = true)
    public List<EvidenceFile> ofCitizen(long citizenId) {
        return jdbc.query("select " + COLUMNS + " from evidence_file where citizen_id = ? order by id", ROW,
                citizenId);
    }

    /** A file for staff: 404 unknown, 403 when the assessment's unit lies outside the user's scope. */
    @Transactional(readOnly = true)
    public Content open(CurrentUser user, long fileId, boolean thumbnail) {
        Stored stored = stored(fileId);
        scope.requireVisible(user, stored.unitId());
        return content(fileId, stored.file(), thumbnail);
    }

    /** A file for the signed-in citizen: their own only; anyone else's is as unknown (404). */
    @Transactional(readOnly = true)
    public Content openOwn(long citizenId, long fileId, boolean thumbnail) {
        Stored stored = stored(fileId);
        if (stored.citizenId() != citizenId) {
            throw new NotFoundException("evidence " + fileId);
        }
        return content(fileId, stored.file(), thumbnail);
    }

    /** Removes a file while the form may still be entered or verified by the user. */
    public long remove(CurrentUser user, long fileId) {
        Stored stored = stored(fileId);
        AssessmentDetail detail = assessments.get(user, stored.file().assessmentId());
        if (!scope.canWrite(user, detail.unitId())) {
            throw new OutOfScopeException(user.username() + " may not remove evidence " + fileId);
        }
        if (!detail.may("EDIT") && !detail.may("VERIFY")) {
            throw new BusinessRuleException("evidence.closed");
        }
        jdbc.update("delete from evidence_file where id = ?", fileId);
        audit.record(user.username(), "EVIDENCE_REMOVED", AUDIT_TYPE, fileId, detail.unitId(),
                "{\"assessment\":" + detail.id() + "}", null);
        return detail.id();
    }

    /** The stored bytes of a file, for the export of a citizen's data (the caller checked the citizen's scope). */
    @Transactional(readOnly = true)
    public byte[] bytesOf(long fileId) {
        return jdbc.queryForObject("select content from evidence_file where id = ?", byte[].class, fileId);
    }

    /** Erasure of a citizen's data: every file goes. Returns how many. */
    public int removeAllOf(long citizenId) {
        return jdbc.update("delete from evidence_file where citizen_id = ?", citizenId);
    }

    /** Bytes stored per unit, largest first: the storage page of the administration (403 for other roles). */
    @Transactional(readOnly = true)
    public List<UnitStorage> storageByUnit(CurrentUser user) {
        EvidencePolicy.SEE_STORAGE.require(user);
        return jdbc.query("select unit_id, count(*) files, coalesce(sum(size_bytes), 0) bytes from evidence_file "
                        + "group by unit_id order by bytes desc",
                (rs, n) -> new UnitStorage(rs.getLong("unit_id"), rs.getLong("files"), rs.getLong("bytes")));
    }

    /**
     * A refusal named by its message key (the portal carries it across a redirect), with the limits it quotes;
     * empty for any other text.
     */
    public Optional<BusinessRuleException> refusal(String key) {
        if (key == null || !REFUSALS.contains(key)) {
            return Optional.empty();
        }
        return Optional.of(switch (key) {
            case "evidence.tooLarge" -> new BusinessRuleException(key, settings.maxFileSize().toMegabytes());
            case "evidence.tooMany" -> new BusinessRuleException(key, settings.maxFilesPerForm());
            default -> new BusinessRuleException(key);
        });
    }

    private static final java.util.Set<String> REFUSALS = java.util.Set.of("evidence.empty", "evidence.tooLarge",
            "evidence.tooMany", "evidence.type", "evidence.unreadable", "evidence.tooManyPixels",
            "evidence.pdfEncrypted", "evidence.pdfScript", "evidence.indicator", "evidence.closed");

    /** Files and bytes one unit holds. */
    public record UnitStorage(long unitId, long files, long bytes) {
    }

    /** What a download sends. */
    public record Content(String fileName, String contentType, byte[] bytes) {

        /** Inline for images and PDFs, under the stored name; never sniffed, never kept by a shared cache. */
        public ResponseEntity<byte[]> response() {
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(contentType))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                            .filename(fileName, StandardCharsets.UTF_8).build().toString())
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Content-Security-Policy", "default-src 'none'; sandbox")
                    .cacheControl(CacheControl.noStore().cachePrivate())
                    .body(bytes);
        }
    }

    private record Stored(EvidenceFile file, long citizenId, long unitId) {
    }

    private Stored stored(long fileId) {
        return jdbc.query("select " + COLUMNS + ", citizen_id, unit_id from evidence_file where id = ?",
                        (rs, n) -> new Stored(ROW.mapRow(rs, n), rs.getLong("citizen_id"), rs.getLong("unit_id")),
                        fileId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("evidence " + fileId));
    }

    private Content content(long fileId, EvidenceFile file, boolean thumbnail) {
        String column = thumbnail && file.image() ? "thumbnail" : "content";
        byte[] bytes = jdbc.queryForObject("select " + column + " from evidence_file where id = ?", byte[].class,
                fileId);
        return thumbnail && file.image() ? new Content("thumb-" + file.fileName(), EvidenceChecks.JPEG, bytes)
                : new Content(file.fileName(), file.contentType(), bytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
