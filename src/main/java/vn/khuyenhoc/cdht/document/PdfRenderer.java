package vn.khuyenhoc.cdht.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template (XHTML) to PDF with openhtmltopdf. The fonts ship inside the application
 * (resources/fonts, licences beside them) so every Vietnamese diacritic prints the same on any server, offline.
 * Templates name the families in their CSS: "Liberation Serif" (metric-compatible with Times New Roman, the face
 * of official papers; regular, bold, italic, bold italic) for decisions and certificates, "DejaVu Serif" and
 * "DejaVu Sans" for the rest.
 */
@Service
public class PdfRenderer {

    private static final List<FontFile> FONTS = List.of(
            new FontFile("fonts/DejaVuSerif.ttf", "DejaVu Serif", 400, FontStyle.NORMAL),
            new FontFile("fonts/DejaVuSerif-Bold.ttf", "DejaVu Serif", 700, FontStyle.NORMAL),
            new FontFile("fonts/DejaVuSans.ttf", "DejaVu Sans", 400, FontStyle.NORMAL),
            new FontFile("fonts/LiberationSerif-Regular.ttf", "Liberation Serif", 400, FontStyle.NORMAL),
            new FontFile("fonts/LiberationSerif-Bold.ttf", "Liberation Serif", 700, FontStyle.NORMAL),
            new FontFile("fonts/LiberationSerif-Italic.ttf", "Liberation Serif", 400, FontStyle.ITALIC),
            new FontFile("fonts/LiberationSerif-BoldItalic.ttf", "Liberation Serif", 700, FontStyle.ITALIC));

    private final ITemplateEngine templates;
    private final Map<String, byte[]> fontBytes;

    PdfRenderer(ITemplateEngine templates) {
        this.templates = templates;
        this.fontBytes = FONTS.stream().collect(java.util.stream.Collectors.toMap(FontFile::path,
                f -> read(f.path())));
    }

    /** The template's output as PDF bytes; the template must produce well-formed XHTML. */
    public byte[] render(String template, Map<String, Object> variables, Locale locale) {
        String xhtml = templates.process(template, new Context(locale, variables));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            // inline <svg> (charts drawn on the server) through Batik; it never fetches anything
            builder.useSVGDrawer(new com.openhtmltopdf.svgsupport.BatikSVGDrawer());
            for (FontFile font : FONTS) {
                byte[] bytes = fontBytes.get(font.path());
                builder.useFont(() -> new java.io.ByteArrayInputStream(bytes), font.family(), font.weight(),
                        font.style(), true);
            }
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("PDF rendering failed for " + template, e);
        }
        return out.toByteArray();
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("font missing from the application: " + path, e);
        }
    }

    private record FontFile(String path, String family, int weight, FontStyle style) {
    }
}
