package vn.khuyenhoc.cdht.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Staff pages of the portal: who may issue and revoke where (UnitScope), lists bounded by the subtree, the codes
 * shown once and printed on slips with QR codes, and the page of codes kept only in the issuing session.
 */
class PortalStaffTest extends PortalTestSupport {

    @Test
    void only_writers_in_reach_issue_invitations_for_a_citizen() throws Exception {
        long citizen = citizen(HAMLET, 1950);
        for (String outsider : List.of("xa2", "xem", "tinh")) {
            mvc.perform(post("/portal/invitations/citizen").with(as(outsider)).with(csrf())
                    .param("citizen", String.valueOf(citizen)).param("year", String.valueOf(YEAR)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/portal/invitations/citizen").with(as("xa1")).with(csrf())
                .param("citizen", "987654321").param("year", String.valueOf(YEAR))).andExpect(status().isNotFound());
        long elsewhere = citizen(OTHER_COMMUNE_HAMLET, 1950);
        mvc.perform(post("/portal/invitations/citizen").with(as("thon1")).with(csrf())
                .param("citizen", String.valueOf(elsewhere)).param("year", String.valueOf(YEAR)))
                .andExpect(status().isForbidden());
        assertThat(jdbc.queryForObject("select count(*) from portal_invitation where citizen_id in (?, ?)",
                Integer.class, citizen, elsewhere)).isZero();

        Cookie session = sessionCookie(mvc.perform(post("/portal/invitations/citizen").with(as("thon1")).with(csrf())
                .param("citizen", String.valueOf(citizen)).param("year", String.valueOf(YEAR)))
                .andExpect(redirectedUrl("/portal/invitations/issued")).andReturn());
        MvcResult issued = mvc.perform(get("/portal/invitations/issued").with(as("thon1")).cookie(session))
                .andExpect(status().isOk()).andReturn();
        String page = issued.getResponse().getContentAsString();
        String code = page.replaceAll("(?s).*class=\"font-monospace issued-code\">([A-Z0-9-]+)<.*", "$1");
        assertThat(code).matches("[A-Z2-9]{5}-[A-Z2-9]{5}");
        assertThat(page).contains("/c/i/" + code.replace("-", ""));
        // the code is the one stored (hashed) for the citizen
        assertThat(jdbc.queryForObject("select citizen_id from portal_invitation where code_hash = ?", Long.class,
                Secrets.hash(code.replace("-", "")))).isEqualTo(citizen);

        // the slips: a PDF with the citizen, the code and the reference, in Vietnamese
        MvcResult pdf = mvc.perform(get("/portal/invitations/issued/slips.pdf").with(as("thon1")).cookie(session))
                .andExpect(status().isOk()).andReturn();
        assertThat(pdf.getResponse().getContentType()).isEqualTo("application/pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            text = new PDFTextStripper().getText(document);
            assertThat(document.getPage(0).getResources().getXObjectNames()).as("the QR code image").isNotEmpty();
        }
        String name = jdbc.queryForObject("select full_name from citizen where id = ?", String.class, citizen);
        String reference = jdbc.queryForObject("select reference from portal_access where citizen_id = ?",
                String.class, citizen);
        assertThat(text).contains(name).contains(code).contains(reference).contains("Phiếu mời tự đánh giá");

        // the codes are sealed in the database, not in the session
        assertThat(jdbc.queryForObject("select count(*) from portal_issued_batch", Integer.class)).isPositive();
        assertThat(jdbc.queryForList("select sealed from portal_issued_batch", byte[].class))
                .noneMatch(sealed -> new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)
                        .contains(code.replace("-", "")));
        // they are reached only from the issuing session: another session (or another user) finds nothing
        mvc.perform(get("/portal/invitations/issued").with(as("thon1"))).andExpect(status().isNotFound());
        mvc.perform(get("/portal/invitations/issued/slips.pdf").with(as("xa1")).cookie(session))
                .andExpect(status().isNotFound());
    }

    @Test
    void a_whole_hamlet_is_invited_at_once_by_its_commune_only() throws Exception {
        long hamlet = unitId(HAMLET);
        long citizen = citizen(HAMLET, 1951);
        for (String outsider : List.of("xa2", "xem", "tinh")) {
            mvc.perform(post("/portal/invitations/unit").with(as(outsider)).with(csrf())
                    .param("unit", String.valueOf(hamlet)).param("year", String.valueOf(YEAR)))
                    .andExpect(status().isForbidden());
            mvc.perform(get("/portal/invitations/new").with(as(outsider)).param("unit", String.valueOf(hamlet)))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/portal/invitations/new").with(as("xa1")).param("unit", String.valueOf(hamlet))
                .param("year", String.valueOf(YEAR))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"citizen-" + citizen + "\"")));

        int living = jdbc.queryForObject("select count(*) from citizen where unit_id = ?", Integer.class, hamlet);
        Cookie session = sessionCookie(mvc.perform(post("/portal/invitations/unit").with(as("xa1")).with(csrf())
                .param("unit", String.valueOf(hamlet)).param("year", String.valueOf(YEAR)))
                .andExpect(redirectedUrl("/portal/invitations/issued")).andReturn());
        assertThat(jdbc.queryForObject("select count(*) from portal_invitation i join citizen c on c.id = i.citizen_id "
                + "where c.unit_id = ? and i.status = 'OPEN' and i.assessment_year = ?", Integer.class, hamlet, YEAR))
                .isEqualTo(living);
        MvcResult pdf = mvc.perform(get("/portal/invitations/issued/slips.pdf").with(as("xa1")).cookie(session))
                .andExpect(status().isOk()).andReturn();
        try (PDDocument document = Loader.loadPDF(pdf.getResponse().getContentAsByteArray())) {
            assertThat(document.getNumberOfPages()).as("eight slips per page").isEqualTo((living + 7) / 8);
        }
    }

    @Test
    void invitations_are_listed_and_revoked_inside_the_subtree_only() throws Exception {
        long citizen = citizen(HAMLET, 1952);
        invite("thon1", citizen);
        long id = jdbc.queryForObject("select id from portal_invitation where citizen_id = ? and status = 'OPEN'",
                Long.class, citizen);

        mvc.perform(get("/portal/invitations").param("year", String.valueOf(YEAR)).with(as("xa1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"revoke-" + id + "\"")));
        mvc.perform(get("/portal/invitations").param("year", String.valueOf(YEAR)).with(as("xem")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"invitation-" + id + "\"")))
                .andExpect(content().string(not(containsString("id=\"revoke-" + id + "\""))));
        mvc.perform(get("/portal/invitations").param("year", String.valueOf(YEAR)).with(as("xa2")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"invitation-" + id + "\""))));
        mvc.perform(get("/portal/invitations").param("year", String.valueOf(YEAR))
                .param("unit", String.valueOf(unitId(HAMLET))).with(as("xa2"))).andExpect(status().isForbidden());

        for (String outsider : List.of("xa2", "xem", "tinh")) {
            mvc.perform(post("/portal/invitations/" + id + "/revoke").with(as(outsider)).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/portal/invitations/987654321/revoke").with(as("xa1")).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.queryForObject("select status from portal_invitation where id = ?", String.class, id))
                .isEqualTo("OPEN");

        mvc.perform(post("/portal/invitations/" + id + "/revoke").with(as("xa1")).with(csrf()))
                .andExpect(redirectedUrl("/portal/invitations"));
        assertThat(jdbc.queryForMap("select status, revoked_by from portal_invitation where id = ?", id))
                .containsEntry("status", "REVOKED").containsEntry("revoked_by", "xa1");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where entity_type = 'PORTAL_INVITATION' "
                + "and entity_id = ? and action = 'PORTAL_INVITATION_REVOKED'", Integer.class, id)).isEqualTo(1);
        // a second revocation is refused with a message
        mvc.perform(post("/portal/invitations/" + id + "/revoke").with(as("xa1")).with(csrf()))
                .andExpect(redirectedUrl("/portal/invitations"));
        mvc.perform(get("/portal/invitations").param("year", String.valueOf(YEAR)).with(as("xa1")))
                .andExpect(content().string(containsString("Đã thu hồi")));
    }
}
