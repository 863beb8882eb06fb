package vn.khuyenhoc.cdht.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MvcResult;
import vn.khuyenhoc.cdht.citizen.CitizenDraft;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.SystemActor;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/**
 * Evidence files attached by staff: a photo loses its EXIF and GPS block; a renamed program, an encrypted PDF, a
 * PDF with JavaScript, an oversized file and the file past the count limit are refused with a Vietnamese message
 * and nothing is stored; files are served with a disposition and nosniff, only within the user's scope.
 */
class EvidenceUploadTest extends PostgresIntegrationTest {

    static final int YEAR = 2025;
    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    private Citizens citizens;

    @Autowired
    private EvidenceFiles files;

    @Autowired
    private EvidenceSettings settings;

    @Autowired
    private UserDetailsService users;

    private long assessment;

    @BeforeEach
    void aDraftInThon1sHamlet() throws Exception {
        long citizen = citizens.create(SystemActor.INSTANCE, new CitizenDraft("Minh Chứng Thử " + SERIAL
                .incrementAndGet() + "-" + System.nanoTime() % 100_000, 1981, Gender.FEMALE, "VLINH-T01", "FARMER",
                null, null, null, null, null, null), true).citizenId();
        String location = mvc.perform(post("/assessments/new").with(as("xa1")).with(csrf())
                        .param("citizen", String.valueOf(citizen)).param("year", String.valueOf(YEAR)))
                .andReturn().getResponse().getRedirectedUrl();
        assessment = Long.parseLong(location.replace("/assessments/", "").replace("/edit", ""));
    }

    @Test
    void a_photo_comes_back_without_its_exif_and_gps_block_and_is_served_safely() throws Exception {
        byte[] photo = EvidenceSamples.jpegWithGps(2400, 1800);
        assertThat(EvidenceSamples.contains(photo, "Exif".getBytes(StandardCharsets.US_ASCII))).isTrue();
        assertThat(EvidenceSamples.contains(photo, EvidenceSamples.GPS_LATITUDE)).isTrue();

        MvcResult sent = upload("thon1", "1", "edit", "IMG_0001.jpg", photo)
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/assessments/" + assessment + "/edit");
        assertThat(sent.getFlashMap().get("success")).isEqualTo("evidence.attached");

        long id = jdbc.queryForObject("select id from evidence_file where assessment_id = ?", Long.class,
                assessment);
        byte[] served = mvc.perform(get("/evidence/{id}", id).with(as("thon1"))).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "image/jpeg"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("Content-Disposition", containsString("IMG_0001.jpg")))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(EvidenceSamples.contains(served, "Exif".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(EvidenceSamples.contains(served, EvidenceSamples.GPS_LATITUDE)).isFalse();
        assertThat(EvidenceSamples.contains(served, new byte[] {'M', 'M', 0, 42})).isFalse();
        var image = ImageIO.read(new ByteArrayInputStream(served));
        assertThat(Math.max(image.getWidth(), image.getHeight())).isEqualTo(settings.maxImageSide());
        String sha = jdbc.queryForObject("select sha256 from evidence_file where id = ?", String.class, id);
        assertThat(sha).isEqualTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest
                .getInstance("SHA-256").digest(served)));
        mvc.perform(get("/evidence/{id}/thumb", id).with(as("xa1"))).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));

        // the entry form shows it beside indicator 1, under the label "Minh chứng"
        mvc.perform(get("/assessments/{id}/edit", assessment).with(as("thon1"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/evidence/" + id + "/thumb")))
                .andExpect(content().string(containsString("Minh chứng")))
                .andExpect(content().string(containsString("type=\"file\"")));
    }

    @Test
    void bad_files_are_refused_with_vietnamese_messages_and_nothing_is_stored() throws Exception {
        refused("anh-the.jpg", EvidenceSamples.executable(), "evidence.type",
                "Chỉ nhận ảnh JPEG, PNG hoặc tệp PDF");
        refused("giay-chung-nhan.pdf", EvidenceSamples.encryptedPdf(), "evidence.pdfEncrypted",
                "Tệp PDF có mật khẩu hoặc bị mã hoá");
        refused("giay-chung-nhan.pdf", EvidenceSamples.pdfWithJavaScript(), "evidence.pdfScript",
                "Tệp PDF chứa mã JavaScript");
        refused("anh-lon.jpg", EvidenceSamples.oversized(settings.maxFileSize().toBytes()), "evidence.tooLarge",
                "Tệp quá lớn: mỗi tệp minh chứng tối đa 5 MB");
        refused("trong.jpg", new byte[0], "evidence.empty", "Chưa chọn tệp minh chứng");
        // a clean PDF passes
        upload("thon1", "", "edit", "ke-hoach.pdf", EvidenceSamples.pdf()).andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void the_file_past_the_count_limit_is_refused() throws Exception {
        CurrentUser thon1 = (CurrentUser) users.loadUserByUsername("thon1");
        byte[] small = EvidenceSamples.png(40, 30);
        for (int i = 1; i < settings.maxFilesPerForm(); i++) {
            files.attach(thon1, assessment, String.valueOf(1 + i % 10), "anh-" + i + ".png", small);
        }
        upload("thon1", "2", "edit", "anh-19.png", small).andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(19);
        refused("anh-20.png", small, "evidence.tooMany", "tối đa 19 tệp minh chứng");
        assertThat(count()).isEqualTo(19);
    }

    @Test
    void another_communes_officer_is_refused_on_every_evidence_endpoint() throws Exception {
        upload("thon1", "3", "edit", "lop-hoc.png", EvidenceSamples.png(200, 100))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.queryForObject("select id from evidence_file where assessment_id = ?", Long.class,
                assessment);
        for (String outsider : List.of("xa2")) {
            mvc.perform(get("/evidence/{id}", id).with(as(outsider))).andExpect(status().isForbidden());
            mvc.perform(get("/evidence/{id}/thumb", id).with(as(outsider))).andExpect(status().isForbidden());
            upload(outsider, "4", "edit", "khac.png", EvidenceSamples.png(20, 20)).andExpect(status().isForbidden());
            mvc.perform(post("/evidence/{id}/remove", id).with(as(outsider)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        // the province officer reads within the subtree but may not attach
        mvc.perform(get("/evidence/{id}", id).with(as("tinh"))).andExpect(status().isOk());
        upload("tinh", "4", "edit", "khac.png", EvidenceSamples.png(20, 20)).andExpect(status().isForbidden());
        assertThat(count()).isEqualTo(1);
        // the hamlet's verifier removes it while the form is a draft
        mvc.perform(post("/evidence/{id}/remove", id).with(as("thon1")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count()).isZero();
    }

    @Test
    void the_storage_page_shows_the_bytes_per_unit_to_the_admin_only() throws Exception {
        upload("thon1", "6", "edit", "lop-hoc.png", EvidenceSamples.png(120, 80)).andExpect(status().is3xxRedirection());
        String hamlet = jdbc.queryForObject("select name from admin_unit where code = 'VLINH-T01' "
                + "order by valid_from desc limit 1", String.class);
        mvc.perform(get("/evidence/storage").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Dung lượng minh chứng theo đơn vị")))
                .andExpect(content().string(containsString(hamlet)));
        for (String refused : List.of("xa1", "xa2", "tinh", "thon1")) {
            mvc.perform(get("/evidence/storage").with(as(refused))).andExpect(status().isForbidden());
        }
    }

    private void refused(String name, byte[] bytes, String key, String vietnamese) throws Exception {
        int before = count();
        int auditBefore = jdbc.queryForObject("select count(*) from audit_event where entity_type = 'EVIDENCE'",
                Integer.class);
        MvcResult result = upload("thon1", "5", "edit", name, bytes).andExpect(status().is3xxRedirection())
                .andReturn();
        assertThat(result.getFlashMap().get("evidenceFailure")).as(name).isEqualTo(key);
        mvc.perform(get(result.getResponse().getRedirectedUrl()).with(as("thon1"))
                        .with(flashed(result.getFlashMap())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(vietnamese)));
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'EVIDENCE'",
                Integer.class)).isEqualTo(auditBefore);
    }

    private org.springframework.test.web.servlet.ResultActions upload(String username, String indicator,
            String back, String name, byte[] bytes) throws Exception {
        return mvc.perform(multipart("/evidence/assessments/{id}", assessment)
                .file(new MockMultipartFile("file", name, "image/jpeg", bytes))
                .param("indicator", indicator).param("back", back).with(as(username)).with(csrf()));
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from evidence_file where assessment_id = ?", Integer.class,
                assessment);
    }
}
