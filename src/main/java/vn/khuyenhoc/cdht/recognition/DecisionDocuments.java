package vn.khuyenhoc.cdht.recognition;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.assessment.AssessmentDecisions;
import vn.khuyenhoc.cdht.criteria.CompetencySubtotal;
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

    private static final String[] COLUMNS = {"stt", "name", "birthYear", "hamlet", "outcome"};

    private final RecognitionDecisions decisions;
    private final AssessmentDecisions assessments;
    private final PdfRenderer pdf;
    private final MessageSource messages;

    DecisionDocuments(RecognitionDecisions decisions, AssessmentDecisions assessments, PdfRenderer pdf,
            MessageSource messages) {
        this.decisions = decisions;
        this.assessments = assessments;
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

    /**
     * The decision's list as a spreadsheet: every citizen it decided, with the outcome, the verified points of each
     * competency (named as in the criteria set) and in total, and any revocation.
     */
    byte[] spreadsheet(CurrentUser user, long id) {
        DecisionDetail detail = decisions.detail(user, id);
        DecisionSummary d = detail.decision();
        Map<Long, List<CompetencySubtotal>> subtotals = assessments.verifiedSubtotals(user, d.unitId(), d.year(),
                detail.items().stream().map(DecisionItem::assessmentId).toList());
        List<String> headers = new ArrayList<>();
        for (String column : COLUMNS) {
            headers.add(text("recognition.xlsx.col." + column));
        }
        List<CompetencySubtotal> competencies = subtotals.values().stream().findFirst().orElse(List.of());
        competencies.forEach(c -> headers.add(text("recognition.xlsx.col.competency", c.name())));
        headers.add(text("recognition.xlsx.col.total"));
        headers.add(text("recognition.xlsx.col.note"));
        int columns = headers.size();
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(text("recognition.xlsx.sheet"));
            CellStyle title = style(book, true, false);
            CellStyle header = style(book, true, true);
            CellStyle cell = style(book, false, true);
            row(sheet, 0, title, text("recognition.xlsx.title", d.yearText()));
            row(sheet, 1, null, text("recognition.xlsx.subtitle",
                    decisions.numberLabel(d.issuerKind(), d.number()), Dates.format(d.issuedOn()), d.issuerName()));
            for (int r = 0; r < 2; r++) {
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, columns - 1));
            }
            Row head = sheet.createRow(3);
            for (int c = 0; c < columns; c++) {
                head.createCell(c).setCellValue(headers.get(c));
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
                List<CompetencySubtotal> points = subtotals.getOrDefault(item.assessmentId(), List.of());
                int c = COLUMNS.length;
                for (CompetencySubtotal competency : competencies) {
                    Cell value = row.createCell(c++);
                    points.stream().filter(p -> p.code().equals(competency.code())).findFirst()
                            .ifPresent(p -> value.setCellValue(p.points()));
                }
                Cell total = row.createCell(c++);
                if (!points.isEmpty()) {
                    total.setCellValue(points.stream().mapToInt(CompetencySubtotal::points).sum());
                }
                row.createCell(c).setCellValue(item.revoked() ? text("recognition.xlsx.revoked",
                        Dates.format(item.revokedAt().atZone(ZoneId.systemDefault()).toLocalDate()),
                        item.revokeReason()) : "");
                for (int k = 0; k < columns; k++) {
                    row.getCell(k).setCellStyle(cell);
                }
                r++;
            }
            int[] widths = {6, 32, 10, 24, 20};
            for (int c = 0; c < columns; c++) {
                sheet.setColumnWidth(c, (c < widths.length ? widths[c] : c == columns - 1 ? 40 : 16) * 256);
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
