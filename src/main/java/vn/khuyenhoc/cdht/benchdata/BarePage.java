package vn.khuyenhoc.cdht.benchdata;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The load harness's "bare" page (issue 18): Spring MVC and Thymeleaf alone, a page the size of the framework floor
 * served by the same JVM with no security chain and no session, in the same layout and template (which draw no menu
 * when no one is signed in; the page pads itself to the floor's size), so that floor / bare says what security, the
 * session and the menu cost per request. Exists only when {@code cdht.bench.floor=true}: the security chain
 * ignores its path, which nothing else may ever get.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cdht.bench.floor", havingValue = "true")
class BarePage {

    static final String PATH = "/bench/bare";

    @Bean
    WebSecurityCustomizer bareBenchPageOutsideSecurity() {
        return web -> web.ignoring().requestMatchers(PATH);
    }

    /** Scanned as a controller, so it carries the same condition as the configuration. */
    @Controller
    @ConditionalOnProperty(name = "cdht.bench.floor", havingValue = "true")
    static class BareController {

        @GetMapping(PATH)
        String bare(Model model) {
            model.addAttribute("bare", true);
            return "benchdata/floor";
        }
    }
}
