package vn.khuyenhoc.cdht.report;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A Thymeleaf view rendered to a string within the current request, as Spring MVC would render it (messages, links,
 * the request context, the same template cache), so that a page can keep the HTML of a part that is the same for
 * many readers (the dashboard's figures, issue 18). Nothing reaches the response: headers are left to the page.
 */
@Component
class ViewHtml {

    private final ViewResolver views;

    ViewHtml(ThymeleafViewResolver views) {
        this.views = views;
    }

    /** The HTML of {@code view} ("template :: fragment") drawn from {@code model} in {@code locale}. */
    String render(String view, Map<String, ?> model, Locale locale, HttpServletRequest request,
            HttpServletResponse response) {
        try {
            View resolved = views.resolveViewName(view, locale);
            if (resolved == null) {
                throw new IllegalStateException("no view " + view);
            }
            StringWriter html = new StringWriter(64 * 1024);
            Capture capture = new Capture(response, new PrintWriter(html));
            resolved.render(model, request, capture);
            capture.writer.flush();
            return html.toString();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("rendering " + view + " failed", e);
        }
    }

    /** The response as the view sees it: its text goes to a string, its headers nowhere. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final PrintWriter writer;

        Capture(HttpServletResponse response, PrintWriter writer) {
            super(response);
            this.writer = writer;
        }

        @Override
        public PrintWriter getWriter() {
            return writer;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            throw new IllegalStateException("a view rendered to a string writes text");
        }

        @Override
        public void setContentType(String type) {
            // the page's own view sets it
        }

        @Override
        public void setCharacterEncoding(String charset) {
            // the page's own view sets it
        }

        @Override
        public void setLocale(Locale locale) {
            // the page's own view sets it
        }

        @Override
        public void setHeader(String name, String value) {
            // the page's own view sets its headers
        }

        @Override
        public void addHeader(String name, String value) {
            // the page's own view sets its headers
        }

        @Override
        public void flushBuffer() {
            writer.flush();
        }

        @Override
        public boolean isCommitted() {
            return false;
        }
    }
}
