package vn.khuyenhoc.cdht.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files that are not UTF-8 CSV get a message that says what they are and how to save them properly. */
class SheetReaderDetectionTest {

    private static final String HEADER = "Họ và tên;Năm sinh;Thôn\n";
    private static final String ROWS = "Nguyễn Văn Hùng;1980;VLINH-T01\nĐoàn Thị Ngọc;1985;VLINH-T01\n"
            + "Lê Đức Thọ;1990;VLINH-T02\nPhạm Thị Hường;1975;VLINH-T02\n";

    @TempDir
    Path dir;

    @Test
    void utf8_text_with_vietnamese_is_csv() throws Exception {
        assertThat(SheetReader.detect(file(HEADER + ROWS, StandardCharsets.UTF_8))).isEqualTo(SheetReader.Format.CSV);
    }

    @Test
    void excel_unicode_text_is_called_utf16_with_or_without_its_mark() throws Exception {
        assertRefused(file(HEADER + ROWS, StandardCharsets.UTF_16LE), "transfer.file.utf16");
        assertRefused(file("\uFEFF" + HEADER + ROWS, StandardCharsets.UTF_16LE), "transfer.file.utf16");
        assertRefused(file(HEADER + ROWS, StandardCharsets.UTF_16BE), "transfer.file.utf16");
    }

    @Test
    void legacy_vni_and_tcvn3_text_is_recognised_saved_as_utf8_or_as_ansi() throws Exception {
        // the same names typed with the VNI and TCVN3 (ABC) fonts, as Excel stores them
        String vni = "Hoï vaø teân;Naêm sinh\nNguyeãn Vaên Huøng;1980\nÑoaøn Thò Ngoïc;1985\nPhaïm Thò Höôøng;1975\n";
        String tcvn3 = "Hä vµ tªn;N¨m sinh\nNguyÔn V¨n Hïng;1980\n§oµn ThÞ Ngäc;1985\nPh¹m ThÞ H­êng;1975\n";
        assertRefused(file(vni, StandardCharsets.UTF_8), "transfer.file.legacyVietnamese");
        assertRefused(file(vni, Charset.forName("windows-1252")), "transfer.file.legacyVietnamese");
        assertRefused(file(tcvn3, StandardCharsets.UTF_8), "transfer.file.legacyVietnamese");
    }

    @Test
    void a_web_page_and_a_single_overlong_line_get_their_own_messages() throws Exception {
        assertRefused(file("\n  <!DOCTYPE html><html><body><table><tr><td>x</td></tr></table></body></html>",
                StandardCharsets.UTF_8), "transfer.file.html");
        assertRefused(file("<table><tr><td>Họ và tên</td></tr></table>", StandardCharsets.UTF_8),
                "transfer.file.html");
        assertRefused(file("a;".repeat(2_600_000), StandardCharsets.UTF_8), "transfer.file.lineTooLong");
    }

    private Path file(String content, Charset charset) throws Exception {
        Path path = Files.createTempFile(dir, "import", ".csv");
        Files.write(path, content.getBytes(charset));
        return path;
    }

    private static void assertRefused(Path file, String messageKey) {
        assertThatThrownBy(() -> SheetReader.detect(file)).isInstanceOf(FileProblem.class)
                .hasMessage(messageKey);
    }
}
