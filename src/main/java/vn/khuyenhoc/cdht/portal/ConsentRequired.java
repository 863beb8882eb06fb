package vn.khuyenhoc.cdht.portal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The door to the citizen's self-assessment: every request of the form and its evidence files ({@code /c/a},
 * {@code /c/a/**}, {@code /c/evidence/**}), GET or POST, passes only with consent to the notice in force
 * ({@link PortalConsent}); otherwise it is answered with a redirect to the notice before any handler runs, so
 * nothing is read or stored. A visitor without a citizen session goes on to the page, which sends them to sign in.
 */
@Configuration(proxyBeanMethods = false)
class ConsentRequired implements WebMvcConfigurer, HandlerInterceptor {

    static final String NOTICE = "/c/notice";

    private final PortalConsent consent;

    ConsentRequired(PortalConsent consent) {
        this.consent = consent;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/c/a", "/c/a/**", "/c/evidence", "/c/evidence/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (request.getAttribute(PortalSecurityConfig.CITIZEN_ATTRIBUTE) instanceof Long citizen
                && !consent.hasCurrentConsent(citizen)) {
            // a PIN just saved (PortalController.setPin) is still confirmed, on the notice page
            boolean pin = "pin".equals(request.getParameter("done"));
            response.sendRedirect(request.getContextPath() + NOTICE + (pin ? "?done=pin" : ""));
            return false;
        }
        return true;
    }
}
