package vn.khuyenhoc.cdht.recognition;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.khuyenhoc.cdht.assessment.Assessments;
import vn.khuyenhoc.cdht.assessment.ScoreEntry;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.SystemActor;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * What the recognition tests share: citizens and verified assessments made through the citizen and assessment
 * services (as staff would), drafts and selections made through the pages, and look-ups. Each test class works in
 * a commune and year of its own, and picks its own assessments by id, so that classes never see each other's rows.
 */
abstract class RecognitionTestSupport extends PostgresIntegrationTest {

    static final List<String> CODES = List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
    private static final AtomicInteger NUMBERS = new AtomicInteger(100);

    @Autowired
    Assessments assessments;

    @Autowired
    Citizens citizens;

    @Autowired
    private UserDetailsService users;

    CurrentUser user(String username) {
        return (CurrentUser) users.loadUserByUsername(username);
    }

    /** A decision number no other test uses. */
    static int nextNumber() {
        return NUMBERS.incrementAndGet();
    }

    long citizen(String fullName, int birthYear, String hamletCode) {
        return citizen(fullName, birthYear, hamletCode, null, null, null, null);
    }

    long citizen(String fullName, int birthYear, String hamletCode, Long householdId, Long workplaceId,
            String phone, String idNumber) {
        return citizens.create(SystemActor.INSTANCE, new CitizenDraft(fullName, birthYear, Gender.FEMALE, hamletCode,
                "FARMER", workplaceId, householdId, null, phone, idNumber, null), true).citizenId();
    }

    long citizen(String fullName, int birthYear, String hamletCode, Gender gender, String targetGroup) {
        return citizens.create(SystemActor.INSTANCE, new CitizenDraft(fullName, birthYear, gender, hamletCode,
                targetGroup, null, null, null, null, null, null), true).citizenId();
    }

    /** Verifies the test assessments: not the officer who typed their scores (separation of duties). */
    static final SystemActor VERIFIER = new SystemActor("kiem.tra");

    /**
     * The citizen's assessment of the year, started, self-scored and submitted by the commune officer, verified by
     * {@link #VERIFIER}: every indicator 9 (passes), or indicator 6 at 3 (fails the minimum per indicator).
     */
    long verified(String officer, long citizenId, int year, boolean pass) {
        CurrentUser user = user(officer);
        long id = assessments.start(user, citizenId, year);
        Map<String, ScoreEntry> scores = scores(pass);
        long version = assessments.saveScores(user, id, scores, assessmentVersion(id));
        version = assessments.submit(user, id, version);
        assessments.verify(VERIFIER, id, scores, version);
        return id;
    }

    static Map<String, ScoreEntry> scores(boolean pass) {
        Map<String, ScoreEntry> scores = new LinkedHashMap<>();
        for (String code : CODES) {
            scores.put(code, new ScoreEntry(!pass && code.equals("6") ? 3 : 9, null));
        }
        return scores;
    }

    /** The draft form as posted, for a commune and year, by the commune HKH. */
    static MockHttpServletRequestBuilder draftRequest(String communeCode, int year, int number) {
        return draftRequest(communeCode, year, number, IssuerKind.COMMUNE_HKH);
    }

    static MockHttpServletRequestBuilder draftRequest(String communeCode, int year, int number, IssuerKind kind) {
        return post("/recognition/new").with(csrf()).param("unitCode", communeCode)
                .param("year", String.valueOf(year)).param("number", String.valueOf(number))
                .param("issuedOn", "20/12/" + year).param("issuerKind", kind.name())
                .param("issuerName", "Hội Khuyến học xã Vĩnh Linh").param("placeName", "Vĩnh Linh")
                .param("superiorName", "Hội Khuyến học tỉnh Quảng Trị")
                .param("signerName", "Lê Thị Hồng Nhung").param("signerTitle", "TM. BAN THƯỜNG TRỰC\r\nCHỦ TỊCH")
                .param("legalBasis", "Căn cứ Quyết định số 677/QĐ-TTg ngày 03/6/2022 của Thủ tướng Chính phủ;\r\n"
                        + "Căn cứ Quyết định số 324/QĐ-KHVN của Trung ương Hội Khuyến học Việt Nam;")
                .param("version", "0");
    }

    /** The edit form of a draft as posted: a new number and signer, the rest as drafted. */
    static MockHttpServletRequestBuilder editRequest(long id, int number, String signerName, long version) {
        return post("/recognition/{id}/edit", id).with(csrf()).param("number", String.valueOf(number))
                .param("issuedOn", "22/12/2024").param("issuerKind", "COMMUNE_HKH")
                .param("issuerName", "Hội Khuyến học xã Vĩnh Linh").param("placeName", "Vĩnh Linh")
                .param("signerName", signerName).param("signerTitle", "CHỦ TỊCH")
                .param("legalBasis", "Căn cứ Điều lệ Hội Khuyến học Việt Nam;")
                .param("version", String.valueOf(version));
    }

    /** Drafts a decision through the page; returns its id. */
    long draft(String username, String communeCode, int year, int number) throws Exception {
        String location = mvc.perform(draftRequest(communeCode, year, number).with(as(username)))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        if (location == null || !location.endsWith("/pick")) {
            throw new AssertionError("not drafted: " + location);
        }
        return Long.parseLong(location.replace("/recognition/", "").replace("/pick", ""));
    }

    /**
     * Makes the draft's selection exactly these assessments through the pick page: clears what it holds (the passes
     * preselected when drafted, any failure), then ticks these on a page of their own.
     */
    void pick(String username, long decisionId, long... assessmentIds) throws Exception {
        for (String view : List.of("pass", "fail")) {
            mvc.perform(post("/recognition/{id}/pick", decisionId).with(csrf()).with(as(username))
                            .param("version", String.valueOf(decisionVersion(decisionId))).param("view", view)
                            .param("action", "clear"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(result -> {
                        if (result.getFlashMap().get("recognitionFailure") != null) {
                            throw new AssertionError("clearing refused: " + result.getFlashMap());
                        }
                    });
        }
        MockHttpServletRequestBuilder request = post("/recognition/{id}/pick", decisionId).with(csrf())
                .with(as(username)).param("version", String.valueOf(decisionVersion(decisionId)))
                .param("action", "done");
        for (long id : assessmentIds) {
            request.param("shown", String.valueOf(id)).param("assessment", String.valueOf(id));
        }
        mvc.perform(request).andExpect(status().is3xxRedirection())
                .andExpect(result -> {
                    if (!("/recognition/" + decisionId).equals(result.getResponse().getRedirectedUrl())) {
                        throw new AssertionError("selection refused: " + result.getFlashMap());
                    }
                });
    }

    List<Long> selection(long decisionId) {
        return jdbc.queryForList("select assessment_id from recognition_item where decision_id = ? order by 1",
                Long.class, decisionId);
    }

    /** Issues the draft through the page; returns where it redirected. */
    void issue(String username, long decisionId) throws Exception {
        mvc.perform(post("/recognition/{id}/issue", decisionId).with(csrf()).with(as(username))
                        .param("version", String.valueOf(decisionVersion(decisionId))))
                .andExpect(status().is3xxRedirection());
    }

    long decisionVersion(long id) {
        return jdbc.queryForObject("select version from recognition_decision where id = ?", Long.class, id);
    }

    String decisionStatus(long id) {
        return jdbc.queryForObject("select status from recognition_decision where id = ?", String.class, id);
    }

    String state(long assessmentId) {
        return jdbc.queryForObject("select state from assessment where id = ?", String.class, assessmentId);
    }

    long assessmentVersion(long assessmentId) {
        return jdbc.queryForObject("select version from assessment where id = ?", Long.class, assessmentId);
    }

    long itemId(long decisionId, long assessmentId) {
        return jdbc.queryForObject("select id from recognition_item where decision_id = ? and assessment_id = ?",
                Long.class, decisionId, assessmentId);
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    static String pdfText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    static int pdfPages(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        }
    }
}
