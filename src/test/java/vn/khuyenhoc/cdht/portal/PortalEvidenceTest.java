package vn.khuyenhoc.cdht.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockMultipartFile;
import vn.khuyenhoc.cdht.evidence.EvidenceSamples;

/**
 * The citizen's evidence on the portal: a photo from the phone is attached to their own form and shown to them;
 * another citizen neither sees it listed nor opens it (404); a refused file says why in Vietnamese; a staff user of
 * another commune is refused the file.
 */
class PortalEvidenceTest extends PortalTestSupport {

    @Test
    void a_citizen_attaches_a_photo_and_sees_only_their_own_files() throws Exception {
        long anh = citizen(HAMLET, 1975);
        Cookie session = signIn(anh, 1975, "10.17.0.1");
        mvc.perform(get("/c/a").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("accept=\"image/*\"")));
        mvc.perform(multipart("/c/evidence").file(new MockMultipartFile("file", "anh.jpg", "image/jpeg",
                        EvidenceSamples.jpegWithGps(800, 600))).param("indicator", "3").cookie(session).with(csrf()))
                .andExpect(redirectedUrl("/c/a?done=evidence"));
        long file = jdbc.queryForObject("select id from evidence_file where citizen_id = ?", Long.class, anh);
        assertThat(jdbc.queryForObject("select indicator_code from evidence_file where id = ?", String.class, file))
                .isEqualTo("3");
        mvc.perform(get("/c/a").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/c/evidence/" + file + "/thumb")));
        byte[] served = mvc.perform(get("/c/evidence/{id}", file).cookie(session)).andExpect(status().isOk())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(EvidenceSamples.contains(served, EvidenceSamples.GPS_LATITUDE)).isFalse();

        long binh = citizen(HAMLET, 1976);
        Cookie other = signIn(binh, 1976, "10.17.0.2");
        mvc.perform(get("/c/a").cookie(other)).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("/c/evidence/" + file))));
        mvc.perform(get("/c/evidence/{id}", file).cookie(other)).andExpect(status().isNotFound());
        mvc.perform(get("/c/evidence/{id}/thumb", file).cookie(other)).andExpect(status().isNotFound());
        // without a session: back to sign-in, never the file
        mvc.perform(get("/c/evidence/{id}", file)).andExpect(status().is3xxRedirection());
        // staff: the hamlet's verifier sees it, another commune's officer does not
        mvc.perform(get("/evidence/{id}", file).with(as("thon1"))).andExpect(status().isOk());
        mvc.perform(get("/evidence/{id}", file).with(as("xa2"))).andExpect(status().isForbidden());
    }

    @Test
    void a_refused_file_says_why_and_nothing_is_stored() throws Exception {
        long citizen = citizen(HAMLET, 1977);
        Cookie session = signIn(citizen, 1977, "10.17.0.3");
        mvc.perform(get("/c/a").cookie(session)).andExpect(status().isOk());
        String location = mvc.perform(multipart("/c/evidence").file(new MockMultipartFile("file", "anh.jpg",
                        "image/jpeg", EvidenceSamples.executable())).cookie(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).isEqualTo("/c/a?refused=evidence.type");
        mvc.perform(get(location).cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Chỉ nhận ảnh JPEG, PNG hoặc tệp PDF")));
        assertThat(jdbc.queryForObject("select count(*) from evidence_file where citizen_id = ?", Integer.class,
                citizen)).isZero();
    }
}
