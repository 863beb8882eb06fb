package vn.khuyenhoc.cdht.support;

import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import vn.khuyenhoc.cdht.CdhtApplication;

/**
 * Another node of the application on the test's database: a second application context with its own web server
 * on a random port, its own scheduler and caches, sharing only PostgreSQL with the test's context, as two nodes
 * behind a load balancer do. It neither migrates nor loads demo data (the first node did).
 */
public final class SecondNode implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondNode(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a node on the same database as {@code first}, with the same keys. */
    public static SecondNode startLike(Environment first, Map<String, Object> extra, Class<?>... extraSources) {
        Map<String, Object> settings = new java.util.HashMap<>(Map.of(
                "spring.datasource.url", first.getRequiredProperty("spring.datasource.url"),
                "spring.datasource.username", first.getRequiredProperty("spring.datasource.username"),
                "spring.datasource.password", first.getProperty("spring.datasource.password", ""),
                "spring.flyway.enabled", "false",
                "server.port", "0",
                "cdht.demo.mode", "off",
                "cdht.citizen.id-hash-key", "cdht-demo-only-citizen-id-hash-key-never-for-real-data",
                "cdht.portal.issued-codes-key", "cdht-demo-only-issued-codes-key",
                "spring.thymeleaf.cache", "false"));
        settings.put("spring.main.banner-mode", "off");
        settings.putAll(extra);
        // as command-line arguments: they win over application.properties (default properties would not)
        String[] arguments = settings.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CdhtApplication.class)
                .sources(extraSources).run(arguments);
        return new SecondNode(context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public boolean isRunning() {
        return context.isActive();
    }

    @Override
    public void close() {
        context.close();
    }
}
