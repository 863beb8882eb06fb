package vn.khuyenhoc.cdht.shared;

import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Whether demo data and demo accounts are loaded. "auto" (the default) means: only on the embedded H2 database,
 * so a real PostgreSQL never gets accounts with a published password unless someone sets cdht.demo.mode=on.
 */
@Component
public class DemoMode {

    private final boolean enabled;

    DemoMode(@Value("${cdht.demo.mode:auto}") String mode, @Value("${spring.datasource.url:}") String url) {
        this.enabled = decide(mode, url);
    }

    static boolean decide(String mode, String datasourceUrl) {
        return switch (mode == null ? "auto" : mode.trim().toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> datasourceUrl != null && datasourceUrl.startsWith("jdbc:h2:");
        };
    }

    public boolean enabled() {
        return enabled;
    }
}
