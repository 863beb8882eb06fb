package vn.khuyenhoc.cdht.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when a read replica is configured but the replica routing is missing. That cannot happen in a
 * normal start ({@link ReplicaRouting} is switched on by the very same setting); it happens with a Spring AOT build
 * (issue 18, {@code -Paot}), which decides its conditions when it is built: a jar built without
 * {@code cdht.datasource.replica.url} would otherwise run every report on the primary without a word.
 */
@Component
class ReplicaSettingCheck implements SmartInitializingSingleton {

    static final String REPLICA_URL = "cdht.datasource.replica.url";

    private final Environment environment;
    private final ObjectProvider<ReplicaRouting.Replica> routing;

    ReplicaSettingCheck(Environment environment, ObjectProvider<ReplicaRouting.Replica> routing) {
        this.environment = environment;
        this.routing = routing;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (environment.containsProperty(REPLICA_URL) && routing.getIfAvailable() == null) {
            throw new IllegalStateException(REPLICA_URL + " is set, but this build has no replica routing: an "
                    + "ahead-of-time (Spring AOT) build fixes its conditions when it is built; build it with "
                    + REPLICA_URL + " set, or start without -Dspring.aot.enabled=true");
        }
    }
}
