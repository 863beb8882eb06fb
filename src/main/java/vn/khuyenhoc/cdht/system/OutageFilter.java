package vn.khuyenhoc.cdht.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The 503 page for an unreachable database that surfaces outside Spring MVC: staff sessions live in PostgreSQL
 * (Spring Session JDBC), so an outage can fail in the session filter before any controller runs, and again in the
 * container's error dispatch, which would end as a bare 500. This filter sits in front of the session filter and
 * answers with a page that needs neither the session nor the database.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OutageFilter extends OncePerRequestFilter {

    private final TemplateEngine templates;
    private final LocaleResolver locales;
    private final FailurePages failures;

    OutageFilter(TemplateEngine templates, LocaleResolver locales, FailurePages failures) {
        this.templates = templates;
        this.locales = locales;
        this.failures = failures;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (response.isCommitted() || !failures.outage(failure)) {
                throw failure;
            }
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "60");
            response.setContentType("text/html;charset=UTF-8");
            Locale locale = localeOf(request);
            String page = templates.process("outage", new Context(locale));
            response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The language cookie's choice (no session involved), Vietnamese by default. */
    private Locale localeOf(HttpServletRequest request) {
        try {
            return locales.resolveLocale(request);
        } catch (RuntimeException e) {
            return Locale.forLanguageTag("vi");
        }
    }
}
