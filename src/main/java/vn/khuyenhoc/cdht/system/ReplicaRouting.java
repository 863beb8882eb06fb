package vn.khuyenhoc.cdht.system;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Optional read replica for reports (setting {@code cdht.datasource.replica.url}; without it this class is not even
 * loaded and nothing changes). The read-only transactions of a GET request for a dashboard, an insight page, the
 * report API or an export read from a PostgreSQL streaming replica; everything else (writes, sign-in, the session
 * table, background work, the forms of targets and population that are read to be edited) uses the primary.
 * Mechanism: Spring's {@link LazyConnectionDataSourceProxy} hands a read-only transaction the "read-only DataSource",
 * which here routes to the replica only while a report request is being handled ({@link #REPORT_READ}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("cdht.datasource.replica.url")
class ReplicaRouting implements WebMvcConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ReplicaRouting.class);
    static final ThreadLocal<Boolean> REPORT_READ = new ThreadLocal<>();
    private static final List<String> REPORT_PATHS = List.of("/report", "/report/**", "/api/report/**",
            "/transfer/export");
    private static final List<String> EDITED_PATHS = List.of("/report/targets", "/report/targets/**",
            "/report/population", "/report/population/**", "/report/rebuild", "/report/rebuild/**", "/report/maps",
            "/report/maps/**");

    /** The replica's own pool, closed with the context. */
    static final class Replica implements DisposableBean {

        final HikariDataSource dataSource;

        Replica(Environment environment) {
            dataSource = new HikariDataSource();
            dataSource.setPoolName("cdht-replica");
            dataSource.setJdbcUrl(environment.getRequiredProperty("cdht.datasource.replica.url"));
            dataSource.setUsername(environment.getProperty("cdht.datasource.replica.username",
                    environment.getProperty("spring.datasource.username", "")));
            dataSource.setPassword(environment.getProperty("cdht.datasource.replica.password",
                    environment.getProperty("spring.datasource.password", "")));
            dataSource.setMaximumPoolSize(environment.getProperty("cdht.datasource.replica.pool-size", Integer.class,
                    5));
            dataSource.setReadOnly(true);
            // a replica that is down must not keep a report waiting for long
            dataSource.setConnectionTimeout(Duration.ofSeconds(5).toMillis());
        }

        @Override
        public void destroy() {
            dataSource.close();
        }
    }

    @Bean
    static Replica replica(Environment environment) {
        return new Replica(environment);
    }

    /** Wraps the application's DataSource (built by Boot as usual) so that report reads go to the replica. */
    @Bean
    static BeanPostProcessor replicaRoutingDataSource(ObjectProvider<Replica> replica) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!"dataSource".equals(name) || !(bean instanceof DataSource primary)) {
                    return bean;
                }
                AbstractRoutingDataSource reads = new AbstractRoutingDataSource() {
                    @Override
                    protected Object determineCurrentLookupKey() {
                        return REPORT_READ.get() == Boolean.TRUE ? "replica" : "primary";
                    }
                };
                reads.setTargetDataSources(Map.of("primary", primary, "replica", replica.getObject().dataSource));
                reads.setDefaultTargetDataSource(primary);
                reads.afterPropertiesSet();
                LazyConnectionDataSourceProxy routed = new LazyConnectionDataSourceProxy(primary);
                routed.setReadOnlyDataSource(reads);
                log.info("Report reads go to the replica {}", replica.getObject().dataSource.getJdbcUrl());
                return routed;
            }
        };
    }

    private final ReplicaLag lag;

    ReplicaRouting(Replica replica, Environment environment) {
        this.lag = new ReplicaLag(new JdbcTemplate(replica.dataSource),
                environment.getProperty("cdht.datasource.replica.max-lag", Duration.class, Duration.ofSeconds(30)));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if ("GET".equals(request.getMethod())) {
                    REPORT_READ.set(Boolean.TRUE);
                }
                return true;
            }

            @Override
            public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                    ModelAndView model) {
                if (model != null && REPORT_READ.get() == Boolean.TRUE) {
                    Long shown = lag.lagShown();
                    if (shown != null) {
                        model.addObject("replicaLagSeconds", shown);
                    }
                }
            }

            @Override
            public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                    Exception ex) {
                REPORT_READ.remove();
            }
        }).addPathPatterns(REPORT_PATHS).excludePathPatterns(EDITED_PATHS);
    }
}
