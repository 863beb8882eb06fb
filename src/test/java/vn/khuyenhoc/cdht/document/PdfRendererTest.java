package vn.khuyenhoc.cdht.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

class PdfRendererTest {

    @Test
    void vietnamese_names_keep_every_diacritic_in_the_pdf_text() throws Exception {
        PdfRenderer renderer = new PdfRenderer(engine());
        List<String> names = List.of("Nguyễn Thị Ánh Dương", "Đặng Văn Ưng", "Trần Thị Thuỷ Tiên", "Lê Quốc Hưng");
        byte[] pdf = renderer.render("document/sample", Map.of("heading", "QUYẾT ĐỊNH công nhận",
                "names", names, "sans", "Độc lập - Tự do - Hạnh phúc"), Locale.forLanguageTag("vi"));

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("QUYẾT ĐỊNH công nhận", "Độc lập - Tự do - Hạnh phúc");
            names.forEach(name -> assertThat(text).contains(name));
        }
    }

    private static SpringTemplateEngine engine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages");
        messages.setDefaultEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
