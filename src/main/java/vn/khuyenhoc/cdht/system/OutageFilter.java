package vn.khuyenhoc.cdht.system;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
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
 * <p>
 * The same page answers while the application is not ready (issue 18): Tomcat accepts connections before the
 * start-up runners (demo data, start-up checks) are done, and a user who signed in then saw empty lists. Until Spring
 * Boot's readiness state says ACCEPTING_TRAFFIC, pages get a 503 that says to retry in a few seconds; the health
 * probes and the page's own stylesheets pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OutageFilter extends OncePerRequestFilter {

    private final TemplateEngine templates;
    private final LocaleResolver locales;
    private final FailurePages failures;
    private final ObjectProvider<ApplicationAvailability> availability;
    /** Once ready, never asked again: readiness is checked on every request only until then. */
    private volatile boolean ready;

    OutageFilter(TemplateEngine templates, LocaleResolver locales, FailurePages failures,
            ObjectProvider<ApplicationAvailability> availability) {
        this.templates = templates;
        this.locales = locales;
        this.failures = failures;
        this.availability = availability;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!ready() && !passesBeforeReady(request)) {
            unavailable(request, response, true);
            return;
        }
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException failure) {
            if (response.isCommitted() || !failures.outage(failure)) {
                throw failure;
            }
            response.resetBuffer();
            unavailable(request, response, false);
        }
    }

    private boolean ready() {
        if (!ready) {
            ApplicationAvailability state = availability.getIfAvailable();
            ready = state == null || state.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        }
        return ready;
    }

    private static boolean passesBeforeReady(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/actuator/health") || path.startsWith("/webjars/") || path.startsWith("/css/")
                || path.startsWith("/img/") || path.equals("/favicon.ico");
    }

    private void unavailable(HttpServletRequest request, HttpServletResponse response, boolean starting)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", starting ? "5" : "60");
        response.setContentType("text/html;charset=UTF-8");
        Context context = new Context(localeOf(request));
        context.setVariable("starting", starting);
        String page = templates.process("outage", context);
        response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
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
