package vn.khuyenhoc.cdht.system;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mock.env.MockEnvironment;

/**
 * A replica configured without its routing (what a Spring AOT jar built without the setting would do) stops the
 * start with a message that says why; with the routing present, or with no replica, nothing happens.
 */
class ReplicaSettingCheckTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5433/cdht";

    @Test
    void a_replica_without_its_routing_stops_the_start() {
        MockEnvironment environment = new MockEnvironment().withProperty(ReplicaSettingCheck.REPLICA_URL, URL);
        ReplicaSettingCheck check = new ReplicaSettingCheck(environment,
                new StaticListableBeanFactory().getBeanProvider(ReplicaRouting.Replica.class));
        assertThatThrownBy(check::afterSingletonsInstantiated).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Spring AOT").hasMessageContaining(ReplicaSettingCheck.REPLICA_URL);
    }

    @Test
    void a_replica_with_its_routing_starts() throws Exception {
        MockEnvironment environment = new MockEnvironment().withProperty(ReplicaSettingCheck.REPLICA_URL, URL);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        ReplicaRouting.Replica replica = new ReplicaRouting.Replica(environment); // no connection until first use
        try {
            beans.addBean("replica", replica);
            ReplicaSettingCheck check = new ReplicaSettingCheck(environment,
                    beans.getBeanProvider(ReplicaRouting.Replica.class));
            assertThatCode(check::afterSingletonsInstantiated).doesNotThrowAnyException();
        } finally {
            replica.destroy();
        }
    }

    @Test
    void no_replica_needs_no_routing() {
        ReplicaSettingCheck check = new ReplicaSettingCheck(new MockEnvironment(),
                new StaticListableBeanFactory().getBeanProvider(ReplicaRouting.Replica.class));
        assertThatCode(check::afterSingletonsInstantiated).doesNotThrowAnyException();
    }
}
