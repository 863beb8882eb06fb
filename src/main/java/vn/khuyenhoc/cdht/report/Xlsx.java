package vn.khuyenhoc.cdht.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** A workbook of plain tables: one sheet per table, a bold header row, numbers as numbers. */
final class Xlsx implements AutoCloseable {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final XSSFWorkbook workbook = new XSSFWorkbook();
    private final CellStyle bold;
    private final CellStyle decimal;

    Xlsx() {
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
        decimal = workbook.createCellStyle();
        decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
    }

    /** A sheet with a title line, then the header and the rows; a null cell stays empty. */
    void table(String name, String title, List<String> header, List<List<Object>> rows) {
        Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(name));
        int r = 0;
        if (title != null) {
            Cell cell = sheet.createRow(r++).createCell(0);
            cell.setCellValue(title);
            cell.setCellStyle(bold);
            r++;
        }
        Row head = sheet.createRow(r++);
        for (int c = 0; c < header.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(header.get(c));
            cell.setCellStyle(bold);
        }
        for (List<Object> values : rows) {
            Row row = sheet.createRow(r++);
            for (int c = 0; c < values.size(); c++) {
                Object value = values.get(c);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(c);
                if (value instanceof BigDecimal d) {
                    cell.setCellValue(d.doubleValue());
                    cell.setCellStyle(decimal);
                } else if (value instanceof Number n) {
                    cell.setCellValue(n.doubleValue());
                } else {
                    cell.setCellValue(value.toString());
                }
            }
        }
        for (int c = 0; c < header.size(); c++) {
            sheet.setColumnWidth(c, Math.min(60, Math.max(10, header.get(c).length() + 2)) * 256);
        }
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
