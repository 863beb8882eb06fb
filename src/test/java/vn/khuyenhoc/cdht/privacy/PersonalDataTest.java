package vn.khuyenhoc.cdht.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.assessment.ScoreEntry;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.evidence.EvidenceFiles;
import vn.khuyenhoc.cdht.evidence.EvidenceSamples;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.SystemActor;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * A citizen's data rights: the export holds every row the database holds about the person (counted table by table
 * against the database) and nothing about a neighbour; erasure leaves the name, phone and CCCD mask in no text
 * column of any table, while the roll-ups and the issued decision keep their numbers; only the commune officer
 * (and admin) within scope may do either; the citizen page's view is recorded in the read audit.
 */
class PersonalDataTest extends PostgresIntegrationTest {

    private static final int YEAR = 2025;
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SystemActor VERIFIER = new SystemActor("kiem.tra");

    @Autowired
    private Citizens citizens;

    @Autowired
    private Assessments assessments;

    @Autowired
    private EvidenceFiles evidence;

    @Autowired
    private UserDetailsService users;

    private long citizen;
    private long neighbour;
    private String name;
    private String neighbourName;
    private long assessment;
    private long decision;

    @BeforeEach
    void aRecognisedCitizenWithEvidenceAndANeighbour() throws Exception {
        int serial = SERIAL.incrementAndGet();
        long nano = System.nanoTime() % 1_000_000;
        name = "Quyền Riêng Tư " + serial + "-" + nano;
        neighbourName = "Hàng Xóm Riêng Tư " + serial + "-" + nano;
        String idNumber = "038179" + String.format("%06d", (nano * 7 + serial) % 1_000_000);
        citizen = citizens.create(SystemActor.INSTANCE, new CitizenDraft(name, 1979, Gender.FEMALE, "VLINH-T01",
                "FARMER", null, null, null, "09" + String.format("%08d", nano * 3 % 100_000_000), idNumber, null),
                true).citizenId();
        neighbour = citizens.create(SystemActor.INSTANCE, new CitizenDraft(neighbourName, 1980, Gender.MALE,
                "VLINH-T01", "FARMER", null, null, null, null, null, null), true).citizenId();
        assessment = verified(citizen);
        verified(neighbour);
        decision = issuedDecision(assessment);
        mvc.perform(get("/citizens/{id}", citizen).with(as("xa1"))).andExpect(status().isOk());
    }

    @Test
    void the_export_holds_every_row_about_the_citizen_and_nothing_about_the_neighbour() throws Exception {
        consentedWithdrewAndConsentedAgainOnThePortal();
        byte[] zip = mvc.perform(get("/privacy/citizens/{id}/export", citizen).with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertThat(entries).containsKeys("du-lieu.json", "tom-tat.pdf");
        assertThat(entries.keySet()).anyMatch(e -> e.startsWith("minh-chung/"));
        String json = new String(entries.get("du-lieu.json"), StandardCharsets.UTF_8);
        JsonNode tables = JSON.readTree(json).get("tables");

        // every table with a citizen_id column (and the citizen table itself): as many rows as the database holds
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put("citizen", 1);
        // base tables only: the read models other modules publish (views) show the same rows again
        for (String table : jdbc.queryForList("select c.table_name from information_schema.columns c "
                + "join information_schema.tables t on t.table_name = c.table_name and t.table_schema = c.table_schema "
                + "where c.column_name = 'citizen_id' and c.table_schema = current_schema() "
                + "and t.table_type = 'BASE TABLE'", String.class)) {
            int rows = jdbc.queryForObject("select count(*) from " + table + " where citizen_id = ?", Integer.class,
                    citizen);
            if (rows > 0) {
                expected.put(table, rows);
            }
        }
        expected.put("assessment_score", jdbc.queryForObject("select count(*) from assessment_score s join assessment "
                + "a on a.id = s.assessment_id where a.citizen_id = ?", Integer.class, citizen));
        assertThat(expected).containsKeys("assessment", "recognition_item", "evidence_file", "portal_invitation",
                "portal_consent");
        expected.forEach((table, rows) -> assertThat(tables.get(table)).as(table).hasSize(rows));
        // the audit lines about the citizen's records, the page view among them (not the export's own line, written
        // once the file was made)
        int auditRows = jdbc.queryForObject("select count(*) from audit_event where action <> "
                + "'CITIZEN_DATA_EXPORTED' and ((entity_type in ('CITIZEN', 'CITIZEN_READ') "
                + "and entity_id = ?) or (entity_type in ('ASSESSMENT', 'ASSESSMENT_READ') and entity_id = ?) "
                + "or (entity_type = 'EVIDENCE' "
                + "and entity_id in (select id from evidence_file where citizen_id = ?)) or (entity_type = "
                + "'PORTAL_INVITATION' and entity_id in (select id from portal_invitation where citizen_id = ?)) "
                + "or (entity_type = 'PORTAL_ACCESS' and entity_id = ?))",
                Integer.class, citizen, assessment, citizen, citizen, citizen);
        assertThat(tables.get("audit_event")).hasSize(auditRows);
        assertThat(json).contains("CITIZEN_VIEWED").contains(name).contains("PORTAL_CONSENT_WITHDRAWN");
        // the consent log: each consent and withdrawal with the notice version, time and channel
        JsonNode consents = tables.get("portal_consent");
        assertThat(consents).extracting(row -> row.get("kind").asString())
                .containsExactly("GIVEN", "WITHDRAWN", "GIVEN");
        for (JsonNode row : consents) {
            assertThat(row.get("notice_version").asInt()).isPositive();
            assertThat(row.get("channel").asString()).isEqualTo("PORTAL");
            assertThat(row.get("recorded_at").asString()).isNotBlank();
        }
        // nothing about the neighbour
        assertThat(json).doesNotContain(neighbourName);
        for (String table : expected.keySet()) {
            for (JsonNode row : tables.get(table)) {
                if (row.has("citizen_id")) {
                    assertThat(row.get("citizen_id").asLong()).isEqualTo(citizen);
                }
            }
        }
        try (PDDocument pdf = Loader.loadPDF(entries.get("tom-tat.pdf"))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(name).contains("Dữ liệu cá nhân đang được lưu giữ");
        }
        // the export is itself in the read audit
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CITIZEN_DATA_EXPORTED' "
                + "and entity_id = ?", Integer.class, citizen)).isEqualTo(1);
    }

    @Test
    void erasure_leaves_no_trace_of_the_identity_while_counts_and_the_decision_stay() throws Exception {
        consentedWithdrewAndConsentedAgainOnThePortal();
        Map<String, Object> before = jdbc.queryForMap("select full_name, phone, id_number_masked from citizen "
                + "where id = ?", citizen);
        List<String> identity = List.of((String) before.get("full_name"), (String) before.get("phone"),
                (String) before.get("id_number_masked"));
        assertThat(identity).doesNotContainNull();
        assertThat(hits(identity)).isNotEmpty();
        Map<String, List<String>> reportsBefore = reportTables();
        Map<String, Object> decisionBefore = jdbc.queryForMap("select number, issued_on, status, decision_year "
                + "from recognition_decision where id = ?", decision);
        int itemsBefore = jdbc.queryForObject("select count(*) from recognition_item where decision_id = ?",
                Integer.class, decision);
        Map<String, Object> assessmentBefore = jdbc.queryForMap("select state, verified_total, verified_passed "
                + "from assessment where id = ?", assessment);

        mvc.perform(get("/privacy/citizens/{id}/erase", citizen).with(as("xa1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Xoá dữ liệu cá nhân")))
                .andExpect(content().string(containsString(identity.get(1))))
                .andExpect(content().string(containsString("Tệp minh chứng: 1 tệp")));
        mvc.perform(post("/privacy/citizens/{id}/erase", citizen).with(as("xa1")).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(hits(identity)).as("text columns still holding the identity").isEmpty();
        assertThat(reportTables()).isEqualTo(reportsBefore);
        assertThat(jdbc.queryForMap("select number, issued_on, status, decision_year from recognition_decision "
                + "where id = ?", decision)).isEqualTo(decisionBefore);
        assertThat(jdbc.queryForObject("select count(*) from recognition_item where decision_id = ?", Integer.class,
                decision)).isEqualTo(itemsBefore);
        assertThat(jdbc.queryForObject("select citizen_name from recognition_item where citizen_id = ?", String.class,
                citizen)).isEqualTo("(đã xoá theo yêu cầu)");
        assertThat(jdbc.queryForMap("select state, verified_total, verified_passed from assessment where id = ?",
                assessment)).isEqualTo(assessmentBefore);
        assertThat(jdbc.queryForObject("select count(*) from evidence_file where citizen_id = ?", Integer.class,
                citizen)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from portal_invitation where citizen_id = ?", Integer.class,
                citizen)).isZero();
        // the consent log stays: the record of lawful processing, naming no one
        assertThat(jdbc.queryForList("select kind from portal_consent where citizen_id = ? order by id",
                String.class, citizen)).containsExactly("GIVEN", "WITHDRAWN", "GIVEN");
        Map<String, Object> after = jdbc.queryForMap("select full_name, phone, id_number_hash, id_number_masked, "
                + "erased_at from citizen where id = ?", citizen);
        assertThat(after.get("phone")).isNull();
        assertThat(after.get("id_number_hash")).isNull();
        assertThat(after.get("erased_at")).isNotNull();
        // the erasure is audited, without what was erased
        Map<String, Object> line = jdbc.queryForMap("select actor, details, reason from audit_event "
                + "where action = 'CITIZEN_ERASED' and entity_id = ?", citizen);
        assertThat(line.get("actor")).isEqualTo("xa1");
        assertThat(line.get("details")).isNull();
        // the decision's page shows the line as erased; the neighbour is untouched
        mvc.perform(get("/citizens/{id}", citizen).with(as("xa1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("đã xoá theo yêu cầu")));
        assertThat(jdbc.queryForObject("select full_name from citizen where id = ?", String.class, neighbour))
                .isEqualTo(neighbourName);
    }

    @Test
    void only_the_commune_officer_within_scope_exports_or_erases() throws Exception {
        for (String refused : List.of("xa2", "thon1", "tinh", "xem")) {
            for (MockHttpServletRequestBuilder request : List.of(get("/privacy/citizens/{id}/export", citizen),
                    get("/privacy/citizens/{id}/erase", citizen),
                    post("/privacy/citizens/{id}/erase", citizen).with(csrf()))) {
                mvc.perform(request.with(as(refused))).andExpect(status().isForbidden());
            }
        }
        assertThat(jdbc.queryForObject("select full_name from citizen where id = ?", String.class, citizen))
                .isEqualTo(name);
        // the actions are offered on the citizen page to xa1 only
        mvc.perform(get("/citizens/{id}", citizen).with(as("xa1")))
                .andExpect(content().string(containsString("Xuất dữ liệu cá nhân")))
                .andExpect(content().string(containsString("Xoá dữ liệu cá nhân")));
        mvc.perform(get("/citizens/{id}", citizen).with(as("thon1")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Xuất dữ liệu cá nhân"))));
    }

    @Test
    void the_read_audit_records_a_page_view_and_the_province_sees_it() throws Exception {
        int views = jdbc.queryForObject("select count(*) from audit_event where action = 'CITIZEN_VIEWED' "
                + "and entity_id = ? and actor = 'thon1'", Integer.class, citizen);
        mvc.perform(get("/citizens/{id}", citizen).with(as("thon1"))).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CITIZEN_VIEWED' "
                + "and entity_id = ? and actor = 'thon1'", Integer.class, citizen)).isEqualTo(views + 1);
        // a refused view is no read
        mvc.perform(get("/citizens/{id}", citizen).with(as("xa2"))).andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CITIZEN_VIEWED' "
                + "and entity_id = ? and actor = 'xa2'", Integer.class, citizen)).isZero();
        mvc.perform(get("/assessments/{id}", assessment).with(as("thon1"))).andExpect(status().isOk());
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'ASSESSMENT_VIEWED' "
                + "and entity_id = ? and actor = 'thon1'", Integer.class, assessment)).isPositive();
        mvc.perform(get("/privacy/reads").with(as("tinh"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/citizens/" + citizen)));
        // another commune's officer does not see Vĩnh Linh's reads; a verifier may not open the page
        mvc.perform(get("/privacy/reads").with(as("xa2"))).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("/citizens/" + citizen + "\""))));
        mvc.perform(get("/privacy/reads").with(as("thon1"))).andExpect(status().isForbidden());
    }

    // ---- fixtures ----

    private CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    /** Started, scored and submitted by xa1 (with a file and an invitation), verified by another person. */
    private long verified(long citizenId) throws Exception {
        CurrentUser xa1 = user("xa1");
        long id = assessments.start(xa1, citizenId, YEAR);
        Map<String, ScoreEntry> scores = new LinkedHashMap<>();
        for (int i = 1; i <= 10; i++) {
            scores.put(String.valueOf(i), new ScoreEntry(9, null));
        }
        long version = assessments.saveScores(xa1, id, scores, version(id));
        if (citizenId == citizen) {
            evidence.attach(xa1, id, "2", "giay.pdf", EvidenceSamples.pdf());
        }
        version = assessments.submit(xa1, id, version);
        assessments.verify(VERIFIER, id, scores, version);
        return id;
    }

    private long issuedDecision(long assessmentId) throws Exception {
        int number = 17_000 + SERIAL.incrementAndGet();
        String location = mvc.perform(post("/recognition/new").with(csrf()).with(as("xa1"))
                        .param("unitCode", "N-VLINH").param("year", String.valueOf(YEAR))
                        .param("number", String.valueOf(number)).param("issuedOn", "20/12/" + YEAR)
                        .param("issuerKind", "COMMUNE_HKH").param("issuerName", "Hội Khuyến học xã Vĩnh Linh")
                        .param("placeName", "Vĩnh Linh").param("superiorName", "Hội Khuyến học tỉnh Quảng Trị")
                        .param("signerName", "Lê Thị Hồng Nhung").param("signerTitle", "CHỦ TỊCH")
                        .param("legalBasis", "Căn cứ Quyết định số 677/QĐ-TTg;").param("version", "0"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replace("/recognition/", "").replace("/pick", ""));
        for (String view : List.of("pass", "fail")) {
            mvc.perform(post("/recognition/{id}/pick", id).with(csrf()).with(as("xa1"))
                    .param("version", String.valueOf(decisionVersion(id))).param("view", view)
                    .param("action", "clear")).andExpect(status().is3xxRedirection());
        }
        mvc.perform(post("/recognition/{id}/pick", id).with(csrf()).with(as("xa1"))
                .param("version", String.valueOf(decisionVersion(id))).param("action", "done")
                .param("shown", String.valueOf(assessmentId)).param("assessment", String.valueOf(assessmentId)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/recognition/{id}/issue", id).with(csrf()).with(as("xa1"))
                .param("version", String.valueOf(decisionVersion(id)))).andExpect(status().is3xxRedirection());
        assertThat(jdbc.queryForObject("select status from recognition_decision where id = ?", String.class, id))
                .isEqualTo("ISSUED");
        // and an invitation to the portal
        mvc.perform(post("/portal/invitations/citizen").with(csrf()).with(as("xa1"))
                .param("citizen", String.valueOf(citizen)).param("year", String.valueOf(YEAR)));
        return id;
    }

    /** The citizen signs in on the portal (a fresh invitation of xa1's), consents, withdraws and consents again. */
    private void consentedWithdrewAndConsentedAgainOnThePortal() throws Exception {
        jakarta.servlet.http.Cookie staff = sessionCookie(mvc.perform(post("/portal/invitations/citizen")
                .with(csrf()).with(as("xa1")).param("citizen", String.valueOf(citizen))
                .param("year", String.valueOf(YEAR))).andReturn());
        String issued = mvc.perform(get("/portal/invitations/issued").with(as("xa1")).cookie(staff)).andReturn()
                .getResponse().getContentAsString();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("/c/i/([A-Z0-9-]+)").matcher(issued);
        assertThat(code.find()).as("the issued code").isTrue();
        jakarta.servlet.http.Cookie portal = mvc.perform(post("/c/i").with(csrf()).param("code", code.group(1))
                .param("birthYear", "1979")).andReturn().getResponse().getCookie("CDHT_CITIZEN");
        assertThat(portal).as("signed in on the portal").isNotNull();
        String version = String.valueOf(jdbc.queryForObject("select max(version_no) from portal_notice",
                Integer.class));
        mvc.perform(post("/c/notice/consent").with(csrf()).cookie(portal).param("version", version))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/c/notice/withdraw").with(csrf()).cookie(portal)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/c/notice/consent").with(csrf()).cookie(portal).param("version", version))
                .andExpect(status().is3xxRedirection());
    }

    private long version(long id) {
        return jdbc.queryForObject("select version from assessment where id = ?", Long.class, id);
    }

    private long decisionVersion(long id) {
        return jdbc.queryForObject("select version from recognition_decision where id = ?", Long.class, id);
    }

    /** table.column → a value found there, for every text column of every table holding one of the values. */
    private List<String> hits(List<String> values) {
        List<String> found = new ArrayList<>();
        for (Map<String, Object> column : jdbc.queryForList("select table_name, column_name from "
                + "information_schema.columns where table_schema = current_schema() and data_type in "
                + "('character varying', 'text', 'character')")) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            for (String value : values) {
                Integer n = jdbc.queryForObject("select count(*) from " + table + " where " + name + " like ?",
                        Integer.class, "%" + value + "%");
                if (n != null && n > 0) {
                    found.add(table + "." + name + " ∋ " + value);
                }
            }
        }
        return found;
    }

    /** Every row of every roll-up table, as text, sorted. */
    private Map<String, List<String>> reportTables() {
        Map<String, List<String>> tables = new HashMap<>();
        for (String table : jdbc.queryForList("select table_name from information_schema.tables where table_schema = "
                + "current_schema() and table_name like 'report%' and table_type = 'BASE TABLE'", String.class)) {
            List<String> rows = new ArrayList<>();
            for (Map<String, Object> row : jdbc.queryForList("select * from " + table)) {
                Map<String, Object> kept = new java.util.TreeMap<>(row);
                kept.keySet().removeIf(c -> c.endsWith("_at"));
                rows.add(kept.toString());
            }
            rows.sort(null);
            tables.put(table, rows);
        }
        return tables;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
