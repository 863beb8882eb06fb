package vn.khuyenhoc.cdht.system;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error status renders templates/error/error.html, which picks its texts by status. Boot itself only looks
 * for error/403, error/4xx and a root "error" template, so without this the one shared template is never found and
 * the container's fallback page (in English, outside the layout) is shown instead.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorTemplate implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        return new ModelAndView("error/error", model, status);
    }
}
