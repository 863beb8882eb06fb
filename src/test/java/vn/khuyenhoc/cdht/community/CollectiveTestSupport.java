package vn.khuyenhoc.cdht.community;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/** Requests and look-ups the collective tests share. */
abstract class CollectiveTestSupport extends PostgresIntegrationTest {

    static MockHttpServletRequestBuilder newCollective(String slug, String name, String unitCode) {
        return post("/community/{kind}/new", slug).with(csrf()).param("name", name).param("unitCode", unitCode);
    }

    static MockHttpServletRequestBuilder editCollective(String slug, long id, String name, String unitCode,
            long version) {
        return post("/community/{kind}/{id}/edit", slug, id).with(csrf()).param("name", name)
                .param("unitCode", unitCode).param("version", String.valueOf(version));
    }

    static MockHttpServletRequestBuilder yearStatus(String slug, long id, int year, boolean recognised) {
        return post("/community/{kind}/{id}/status", slug, id).with(csrf()).param("year", String.valueOf(year))
                .param("recognised", String.valueOf(recognised));
    }

    long create(String username, MockHttpServletRequestBuilder request) throws Exception {
        String location = mvc.perform(request.with(as(username)))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    long collective(String name) {
        return jdbc.queryForObject("select id from collective where name = ?", Long.class, name);
    }

    long version(long id) {
        return jdbc.queryForObject("select version from collective where id = ?", Long.class, id);
    }

    int count() {
        return jdbc.queryForObject("select count(*) from collective", Integer.class);
    }

    int statusCount() {
        return jdbc.queryForObject("select count(*) from collective_year", Integer.class);
    }
}
