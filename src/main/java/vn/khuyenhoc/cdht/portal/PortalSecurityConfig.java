package vn.khuyenhoc.cdht.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The citizens' own security chain for {@code /c/**}, ahead of the staff chain. It never reads or writes the staff
 * session (the security context lives only in the request, no HttpSession is created): a staff login grants nothing
 * here, and the citizen cookie ({@value #COOKIE}, path {@code /c}, HttpOnly, SameSite=Lax, Secure on HTTPS) is
 * unknown to the staff chain, so it grants nothing outside {@code /c}. Which citizen is signed in is decided by
 * {@link CitizenSessions} from that cookie and put in the request attribute {@value #CITIZEN_ATTRIBUTE}; the pages
 * themselves send a visitor without it to the sign-in page. CSRF stays on for every POST, with the token in a cookie
 * of its own (path {@code /c}), loaded before the page is written.
 */
@Configuration
class PortalSecurityConfig {

    static final String COOKIE = "CDHT_CITIZEN";
    static final String CSRF_COOKIE = "CDHT_C_XSRF";
    static final String CITIZEN_ATTRIBUTE = "cdht.portal.citizen";
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain citizenSecurity(HttpSecurity http, CitizenSessions sessions) throws Exception {
        CookieCsrfTokenRepository csrf = new CookieCsrfTokenRepository();
        csrf.setCookieName(CSRF_COOKIE);
        csrf.setCookiePath("/c");
        csrf.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
        http
                .securityMatcher("/c", "/c/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(c -> c.csrfTokenRepository(csrf))
                .securityContext(context -> context.securityContextRepository(
                        new RequestAttributeSecurityContextRepository()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer
                                .policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .addFilterAfter(new CitizenSessionFilter(sessions), CsrfFilter.class);
        return http.build();
    }

    /** Resolves the citizen cookie and loads the CSRF token early (its cookie must go out before the page). */
    static final class CitizenSessionFilter extends OncePerRequestFilter {

        private final CitizenSessions sessions;

        CitizenSessionFilter(CitizenSessions sessions) {
            this.sessions = sessions;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                FilterChain chain) throws ServletException, IOException {
            if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            String value = cookie(request, COOKIE);
            if (value != null) {
                sessions.resolve(value).ifPresent(id -> request.setAttribute(CITIZEN_ATTRIBUTE, id));
            }
            chain.doFilter(request, response);
        }
    }

    static String cookie(HttpServletRequest request, String name) {
        if (request.getCookies() == null) {
            return null;
        }
        for (Cookie cookie : request.getCookies()) {
            if (name.equals(cookie.getName())) {
                return cookie.getValue();
            }
        }
        return null;
    }
}
