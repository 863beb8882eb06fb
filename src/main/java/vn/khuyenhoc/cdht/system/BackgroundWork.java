package vn.khuyenhoc.cdht.system;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Durable background work on the application's own database with db-scheduler. Modules declare their tasks as
 * beans ({@link Task}; recurring ones are registered at start) and schedule one-time work through the
 * {@link SchedulerClient} bean. Wired by hand because the library's Spring Boot starter is built for Boot 3 (its
 * auto-configuration orders itself after a class Boot 4 moved, so it never sees the DataSource). The DataSource is
 * wrapped so that work scheduled inside a transaction commits or rolls back with it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackgroundWork.Settings.class)
class BackgroundWork {

    @ConfigurationProperties("cdht.jobs")
    record Settings(Boolean enabled, int threads, Duration pollingInterval, Duration heartbeatInterval,
            Duration shutdownMaxWait) {

        Settings {
            enabled = enabled == null || enabled;
            threads = threads <= 0 ? 2 : threads;
            pollingInterval = pollingInterval == null ? Duration.ofSeconds(10) : pollingInterval;
            heartbeatInterval = heartbeatInterval == null ? Duration.ofMinutes(5) : heartbeatInterval;
            shutdownMaxWait = shutdownMaxWait == null ? Duration.ofSeconds(10) : shutdownMaxWait;
        }
    }

    @Bean
    NodeScheduler nodeScheduler(DataSource dataSource, List<Task<?>> tasks, Settings settings) {
        return new NodeScheduler(new TransactionAwareDataSourceProxy(dataSource), tasks, settings);
    }

    /**
     * What modules inject to schedule work: the running scheduler of this node when there is one (so that work due
     * now starts at once here), else a client that only writes the queue (another node, or this one once started,
     * runs it).
     */
    @Bean
    SchedulerClient schedulerClient(NodeScheduler node) {
        return (SchedulerClient) Proxy.newProxyInstance(SchedulerClient.class.getClassLoader(),
                new Class<?>[] {SchedulerClient.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "SchedulerClient of " + node;
                        };
                    }
                    try {
                        Object result = method.invoke(node.client(), args);
                        if (method.getName().contains("chedule")) {
                            node.checkAfterCommit();
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * This node's scheduler. A db-scheduler {@link Scheduler} cannot be started again once stopped, but a Spring
     * context can be stopped and started (the test framework pauses cached contexts), so each start builds a fresh
     * one. It starts once the application is up (no work runs against a half-built context) and stops first.
     */
    static final class NodeScheduler implements SmartLifecycle {

        private final DataSource dataSource;
        private final List<Task<?>> tasks;
        private final Settings settings;
        private final SchedulerClient queueOnly;
        private volatile Scheduler running;

        NodeScheduler(DataSource dataSource, List<Task<?>> tasks, Settings settings) {
            this.dataSource = dataSource;
            this.tasks = List.copyOf(tasks);
            this.settings = settings;
            this.queueOnly = SchedulerClient.Builder.create(dataSource, this.tasks).tableName(TABLE).build();
        }

        private static final String TABLE = "scheduled_tasks";

        SchedulerClient client() {
            Scheduler scheduler = running;
            return scheduler != null ? scheduler : queueOnly;
        }

        /**
         * Work scheduled inside a transaction is not visible to the immediate check the scheduler makes at once (the
         * row is not committed yet): look again right after the commit, so that it starts now, not at the next poll.
         */
        void checkAfterCommit() {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        Scheduler scheduler = running;
                        if (scheduler != null) {
                            scheduler.triggerCheckForDueExecutions();
                        }
                    }
                });
            }
        }

        @Override
        public synchronized void start() {
            if (!settings.enabled() || running != null) {
                return;
            }
            // Recurring tasks are given as start tasks only: the builder adds them to the known tasks itself.
            List<Task<?>> startTasks = tasks.stream().filter(OnStartup.class::isInstance).toList();
            List<Task<?>> otherTasks = tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
            Scheduler scheduler = Scheduler.create(dataSource, otherTasks)
                    .startTasks(startTasks.stream().map(task -> (Task<?> & OnStartup) cast(task)).toList())
                    .tableName(TABLE)
                    // Two nodes on one host (or two contexts in one test JVM) must not share a name.
                    .schedulerName(new SchedulerName.Fixed(new SchedulerName.Hostname().getName() + "-"
                            + UUID.randomUUID().toString().substring(0, 8)))
                    .threads(settings.threads())
                    .pollingInterval(settings.pollingInterval())
                    .heartbeatInterval(settings.heartbeatInterval())
                    .shutdownMaxWait(settings.shutdownMaxWait())
                    .enableImmediateExecution()
                    .build();
            scheduler.start();
            running = scheduler;
        }

        @Override
        public synchronized void stop() {
            Scheduler scheduler = running;
            running = null;
            if (scheduler != null) {
                scheduler.stop();
            }
        }

        @Override
        public boolean isRunning() {
            return running != null;
        }

        @Override
        public int getPhase() {
            return Integer.MAX_VALUE - 1000;
        }

        @SuppressWarnings("unchecked")
        private static <T extends Task<?> & OnStartup> T cast(Task<?> task) {
            return (T) task;
        }
    }
}
