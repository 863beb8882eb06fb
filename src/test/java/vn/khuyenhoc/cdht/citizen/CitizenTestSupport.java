package vn.khuyenhoc.cdht.citizen;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/** Requests and look-ups the citizen tests share. */
abstract class CitizenTestSupport extends PostgresIntegrationTest {

    /** A create request; extra holds name/value pairs that replace or add to the defaults. */
    static MockHttpServletRequestBuilder citizen(String name, String birthYear, String residenceCode,
            String... extra) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("fullName", name);
        params.put("birthYear", birthYear);
        params.put("gender", "MALE");
        params.put("residenceCode", residenceCode);
        params.put("targetGroup", "FARMER");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            params.put(extra[i], extra[i + 1]);
        }
        MockHttpServletRequestBuilder request = post("/citizens/new").with(csrf());
        params.forEach(request::param);
        return request;
    }

    static MockHttpServletRequestBuilder edit(long id, String name, String birthYear, String residenceCode,
            long version) {
        return post("/citizens/{id}/edit", id).with(csrf())
                .param("fullName", name).param("birthYear", birthYear).param("gender", "MALE")
                .param("residenceCode", residenceCode).param("targetGroup", "FARMER")
                .param("version", String.valueOf(version));
    }

    long create(String username, MockHttpServletRequestBuilder request) throws Exception {
        String location = mvc.perform(request.with(as(username)))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    void expectFieldError(MockHttpServletRequestBuilder request, String field) throws Exception {
        expectFieldError(request, field, "xa1");
    }

    void expectFieldError(MockHttpServletRequestBuilder request, String field, String username) throws Exception {
        mvc.perform(request.with(as(username)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("citizenForm", field));
    }

    long collective(String name) {
        return jdbc.queryForObject("select id from collective where name = ?", Long.class, name);
    }

    long version(long id) {
        return jdbc.queryForObject("select version from citizen where id = ?", Long.class, id);
    }

    int count() {
        return jdbc.queryForObject("select count(*) from citizen", Integer.class);
    }

    List<String> auditDetails(long citizenId) {
        return jdbc.queryForList("select details from audit_event where entity_type = 'CITIZEN' and entity_id = ?",
                String.class, citizenId);
    }
}
