package vn.khuyenhoc.cdht.recognition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.document.PdfRenderer;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.Dates;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * The printed decision, the certificates and the Excel list. Documents are official Vietnamese papers, so they
 * are always rendered in Vietnamese whatever the page language; every text comes from the recognition bundle.
 * Each call reads the decision through {@link RecognitionDecisions#detail}, which checks the user's scope.
 */
@Component
class DecisionDocuments {

    private static final String[] COLUMNS = {"stt", "name", "birthYear", "hamlet", "outcome", "note"};

    private final RecognitionDecisions decisions;
    private final PdfRenderer pdf;
    private final MessageSource messages;

    DecisionDocuments(RecognitionDecisions decisions, PdfRenderer pdf, MessageSource messages) {
        this.decisions = decisions;
        this.pdf = pdf;
        this.messages = messages;
    }

    /**
     * The decision with the list of recognised citizens appended. A draft prints too, marked as a draft, so
     * that the commune can check it before issuing; a revoked recognition stays on the list with a note.
     */
    byte[] decision(CurrentUser user, long id) {
        DecisionDetail detail = decisions.detail(user, id);
        return pdf.render("recognition/pdf/decision", Map.of("d", detail.decision(), "listed", detail.recognised()),
                RecognitionSettings.VIETNAMESE);
    }

    /** Every certificate of an issued decision, one per page, for printing in one go. */
    byte[] certificates(CurrentUser user, long id) {
        DecisionDetail detail = issued(user, id);
        if (detail.titleHolders().isEmpty()) {
            throw new BusinessRuleException("recognition.certificate.none");
        }
        return certificates(detail, detail.titleHolders());
    }

    /** One citizen's certificate; only for a recognition that stands. */
    byte[] certificate(CurrentUser user, long id, long itemId) {
        DecisionDetail detail = issued(user, id);
        DecisionItem item = detail.items().stream().filter(i -> i.id() == itemId).findFirst()
                .orElseThrow(() -> new NotFoundException("recognition item " + itemId + " of decision " + id));
        if (!item.holdsTitle()) {
            throw new BusinessRuleException("recognition.certificate.notHolder", item.citizenName());
        }
        return certificates(detail, List.of(item));
    }

    /** The decision's list as a spreadsheet: every citizen it decided, with the outcome and any revocation. */
    byte[] spreadsheet(CurrentUser user, long id) {
        DecisionDetail detail = decisions.detail(user, id);
        DecisionSummary d = detail.decision();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(text("recognition.xlsx.sheet"));
            CellStyle title = style(book, true, false);
            CellStyle header = style(book, true, true);
            CellStyle cell = style(book, false, true);
            row(sheet, 0, title, text("recognition.xlsx.title", d.yearText()));
            row(sheet, 1, null, text("recognition.xlsx.subtitle",
                    decisions.numberLabel(d.issuerKind(), d.number()), Dates.format(d.issuedOn()), d.issuerName()));
            for (int r = 0; r < 2; r++) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, COLUMNS.length - 1));
            }
            Row head = sheet.createRow(3);
            for (int c = 0; c < COLUMNS.length; c++) {
                head.createCell(c).setCellValue(text("recognition.xlsx.col." + COLUMNS[c]));
                head.getCell(c).setCellStyle(header);
            }
            int r = 4;
            for (DecisionItem item : detail.items()) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue(r - 3);
                row.createCell(1).setCellValue(item.citizenName());
                row.createCell(2).setCellValue(item.birthYear());
                row.createCell(3).setCellValue(item.hamletName());
                row.createCell(4).setCellValue(text("recognition.outcome." + item.outcome().name()));
                row.createCell(5).setCellValue(item.revoked() ? text("recognition.xlsx.revoked",
                        Dates.format(item.revokedAt().atZone(ZoneId.systemDefault()).toLocalDate()),
                        item.revokeReason()) : "");
                for (int c = 0; c < COLUMNS.length; c++) {
                    row.getCell(c).setCellStyle(cell);
                }
                r++;
            }
            int[] widths = {6, 32, 10, 24, 20, 40};
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, widths[c] * 256);
            }
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("spreadsheet of decision " + id, e);
        }
    }

    /** A file name without diacritics or spaces, e.g. "QD-12-2025". */
    static String fileName(DecisionSummary d, String kind, String extension) {
        return kind + "-" + d.number() + "-" + d.year() + "." + extension;
    }

    private DecisionDetail issued(CurrentUser user, long id) {
        DecisionDetail detail = decisions.detail(user, id);
        if (detail.decision().draft()) {
            throw new BusinessRuleException("recognition.certificate.draft");
        }
        return detail;
    }

    private byte[] certificates(DecisionDetail detail, List<DecisionItem> holders) {
        return pdf.render("recognition/pdf/certificates", Map.of("d", detail.decision(), "holders", holders),
                RecognitionSettings.VIETNAMESE);
    }

    private static void row(Sheet sheet, int index, CellStyle style, String value) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(value);
        if (style != null) {
            row.getCell(0).setCellStyle(style);
        }
    }

    private static CellStyle style(XSSFWorkbook book, boolean bold, boolean bordered) {
        CellStyle style = book.createCellStyle();
        Font font = book.createFont();
        font.setBold(bold);
        style.setFont(font);
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        } else {
            style.setAlignment(HorizontalAlignment.LEFT);
        }
        return style;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, RecognitionSettings.VIETNAMESE);
    }
}
