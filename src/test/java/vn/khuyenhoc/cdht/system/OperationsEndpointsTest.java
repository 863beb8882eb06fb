package vn.khuyenhoc.cdht.system;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;

/** Monitoring endpoints: the health status for anyone, nothing more for staff, info and metrics for admins. */
class OperationsEndpointsTest extends PostgresIntegrationTest {

    @Test
    void anonymous_callers_get_the_health_status_only() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"status\":\"UP\"")))
                .andExpect(content().string(not(containsString("components"))));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk());
        for (String path : new String[] {"/actuator", "/actuator/info", "/actuator/metrics"}) {
            mvc.perform(get(path)).andExpect(status().is3xxRedirection());
        }
    }

    @Test
    void staff_see_nothing_beyond_health_and_admins_see_info_and_metrics() throws Exception {
        for (String user : new String[] {"tinh", "xa1", "xem"}) {
            for (String path : new String[] {"/actuator", "/actuator/info", "/actuator/metrics"}) {
                mvc.perform(get(path).with(as(user))).andExpect(status().isForbidden());
            }
        }
        mvc.perform(get("/actuator/info").with(as("admin"))).andExpect(status().isOk());
        mvc.perform(get("/actuator/metrics").with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm.memory.used")));
    }

    @Test
    void the_error_path_called_directly_is_a_plain_not_found() throws Exception {
        mvc.perform(get("/error")).andExpect(status().isNotFound());
        mvc.perform(get("/error").with(as("admin"))).andExpect(status().isNotFound());
    }
}
