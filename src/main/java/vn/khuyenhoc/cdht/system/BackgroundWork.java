package vn.khuyenhoc.cdht.system;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

/**
 * Durable background work on the application's own database with db-scheduler: modules declare their tasks as
 * beans ({@link Task}; recurring ones are registered at start) and schedule one-time work through the
 * {@link com.github.kagkarlsson.scheduler.SchedulerClient} this exposes. Wired by hand because the library's Spring
 * Boot starter is built for Boot 3 (its auto-configuration orders itself after a class Boot 4 moved, so it never
 * sees the DataSource). The DataSource is wrapped so that work scheduled inside a transaction commits with it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BackgroundWork.Settings.class)
@ConditionalOnProperty(name = "cdht.jobs.enabled", havingValue = "true", matchIfMissing = true)
class BackgroundWork {

    @ConfigurationProperties("cdht.jobs")
    record Settings(int threads, Duration pollingInterval, Duration heartbeatInterval, Duration shutdownMaxWait) {

        Settings {
            threads = threads <= 0 ? 2 : threads;
            pollingInterval = pollingInterval == null ? Duration.ofSeconds(10) : pollingInterval;
            heartbeatInterval = heartbeatInterval == null ? Duration.ofMinutes(5) : heartbeatInterval;
            shutdownMaxWait = shutdownMaxWait == null ? Duration.ofSeconds(10) : shutdownMaxWait;
        }
    }

    @Bean
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, Settings settings) {
        // Recurring tasks are given as start tasks only: the builder adds them to the known tasks itself.
        List<Task<?>> startTasks = tasks.stream().filter(OnStartup.class::isInstance).toList();
        List<Task<?>> otherTasks = tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), otherTasks)
                .startTasks(startTasks.stream().map(task -> (Task<?> & OnStartup) cast(task)).toList())
                .tableName("scheduled_tasks")
                // Two nodes on one host (or two contexts in one test JVM) must not share a name.
                .schedulerName(new SchedulerName.Fixed(new SchedulerName.Hostname().getName() + "-"
                        + UUID.randomUUID().toString().substring(0, 8)))
                .threads(settings.threads())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .enableImmediateExecution()
                .build();
    }

    /** Starts polling once the application is up (so no work runs against a half-built context), stops first. */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }

            @Override
            public int getPhase() {
                return Integer.MAX_VALUE - 1000;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends Task<?> & OnStartup> T cast(Task<?> task) {
        return (T) task;
    }
}
