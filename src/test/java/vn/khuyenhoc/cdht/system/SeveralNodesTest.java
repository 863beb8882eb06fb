package vn.khuyenhoc.cdht.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import vn.khuyenhoc.cdht.account.AccountProvisioning;
import vn.khuyenhoc.cdht.shared.Role;
import vn.khuyenhoc.cdht.support.HttpVisitor;
import vn.khuyenhoc.cdht.support.PostgresIntegrationTest;
import vn.khuyenhoc.cdht.support.SecondNode;

/**
 * Two nodes on one database, as behind a load balancer: a staff session opened on one is served by the other, and
 * an account disabled through one node loses its session on the other at its next request.
 */
class SeveralNodesTest extends PostgresIntegrationTest {

    private static SecondNode nodeB;

    @LocalServerPort
    private int nodeA;

    @Autowired
    private Environment environment;

    @Autowired
    private AccountProvisioning provisioning;

    @BeforeEach
    void startSecondNode() {
        if (nodeB == null) {
            nodeB = SecondNode.startLike(environment, Map.of());
        }
    }

    @AfterAll
    static void stopSecondNode() {
        if (nodeB != null) {
            nodeB.close();
            nodeB = null;
        }
    }

    @Test
    void a_session_opened_on_one_node_is_served_by_the_other_and_ends_everywhere_when_the_account_is_disabled() {
        long id = provisioning.create("hainut1", "Hai nút", Role.VERIFIER, unitId("VLINH-T02"), "right-password-9",
                false);
        HttpVisitor officer = new HttpVisitor();
        HttpVisitor.Page login = officer.signIn(nodeA, "hainut1", "right-password-9");
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).doesNotContain("error");
        assertThat(officer.cookie("SESSION")).isNotNull();

        // node B knows the session node A opened
        HttpVisitor.Page onB = officer.get(nodeB.port(), "/");
        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.body()).contains("Hai nút");
        assertThat(officer.get(nodeA, "/").status()).isEqualTo(200);

        // a manager disables the account through node B
        HttpVisitor manager = new HttpVisitor();
        assertThat(manager.signIn(nodeB.port(), "tinh", "cdht-demo").location()).doesNotContain("error");
        assertThat(manager.get(nodeB.port(), "/accounts/" + id).status()).isEqualTo(200);
        long version = jdbc.queryForObject("select version from app_user where id = ?", Long.class, id);
        HttpVisitor.Page disabled = manager.post(nodeB.port(), "/accounts/" + id, Map.of("displayName", "Hai nút",
                "role", "VERIFIER", "unitCode", "VLINH-T02", "enabled", "false", "version", String.valueOf(version)));
        assertThat(disabled.status()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select enabled from app_user where id = ?", Boolean.class, id)).isFalse();

        // the session ends on node A (and on B) at the next request
        HttpVisitor.Page afterOnA = officer.get(nodeA, "/");
        assertThat(afterOnA.status()).isEqualTo(302);
        assertThat(afterOnA.location()).endsWith("/login?expired");
        assertThat(officer.get(nodeB.port(), "/").location()).contains("/login");
    }

    /**
     * A node configured with a read replica (here the same database under another application name, so that its
     * connections can be told apart) reads a dashboard through the replica's pool and other pages through the primary.
     */
    @Test
    void report_pages_read_from_the_replica_when_one_is_configured_and_other_pages_do_not() {
        String url = environment.getRequiredProperty("spring.datasource.url");
        String replicaUrl = url + (url.contains("?") ? "&" : "?") + "ApplicationName=cdht-replica-test";
        try (SecondNode reporting = SecondNode.startLike(environment,
                Map.of("cdht.datasource.replica.url", replicaUrl))) {
            HttpVisitor officer = new HttpVisitor();
            assertThat(officer.signIn(reporting.port(), "tinh", "cdht-demo").location()).doesNotContain("error");
            assertThat(officer.get(reporting.port(), "/").status()).isEqualTo(200);
            assertThat(officer.get(reporting.port(), "/citizens").status()).isEqualTo(200);
            assertThat(replicaConnections()).as("no page but a report opens the replica").isZero();

            HttpVisitor.Page dashboard = officer.get(reporting.port(), "/report/" + unitId("QT") + "/2025");
            assertThat(dashboard.status()).isEqualTo(200);
            assertThat(replicaConnections()).as("the dashboard read from the replica").isPositive();
            assertThat(dashboard.body()).as("a replica that keeps up shows no warning").doesNotContain("replica-lag");
        }
    }

    private int replicaConnections() {
        return jdbc.queryForObject("select count(*) from pg_stat_activity where application_name = "
                + "'cdht-replica-test'", Integer.class);
    }
}
