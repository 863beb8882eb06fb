package vn.khuyenhoc.cdht.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether the application's database is PostgreSQL (rather than the demo's embedded H2), for the few statements only
 * PostgreSQL understands; read once from {@code spring.datasource.url}.
 */
@Component
public class PostgresDatabase {

    private final boolean postgres;

    PostgresDatabase(@Value("${spring.datasource.url:}") String url) {
        this.postgres = url.startsWith("jdbc:postgresql:");
    }

    public boolean isPostgres() {
        return postgres;
    }
}
