package vn.khuyenhoc.cdht.transfer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.cdht.area.Subtree;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.TargetGroupOption;

/**
 * Writes citizens and their assessments of a unit's subtree and a year in the import's column layout, streaming:
 * rows come from a database cursor and go out as CSV (Commons CSV, UTF-8 with BOM) or .xlsx (SXSSF, 100 rows in
 * memory). The .xlsx is also the import template: a notes sheet explains every column, a list sheet feeds the data
 * validation lists (residence codes, target groups, gender). Text cells that a spreadsheet would run as formulas
 * are escaped. The CCCD column holds the stored mask only; the import reads a masked value as "no CCCD given", so
 * an export imports back unchanged (matched by name, birth year and residence, or by a CCCD typed in).
 */
@Component
class Exporter {

    enum Format {
        CSV, XLSX
    }

    static final String DATA_SHEET = "Dữ liệu";
    static final String NOTES_SHEET = "Hướng dẫn";
    static final String LISTS_SHEET = "Danh mục";
    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;
    private final CriteriaCatalog catalog;
    private final MessageSource messages;
    private final TransferProperties properties;

    Exporter(DataSource dataSource, PlatformTransactionManager transactions, CriteriaCatalog catalog,
            MessageSource messages, TransferProperties properties) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.catalog = catalog;
        this.messages = messages;
        this.properties = properties;
    }

    /**
     * What to write: the unit's subtree (null: no data rows, a blank template), the subtree whose residence codes
     * the template's list offers, the year, the format.
     */
    record Request(Subtree unit, Subtree lists, int year, Format format, boolean template, Locale locale) {
    }

    interface Sink extends AutoCloseable {
        void row(List<Object> cells) throws IOException;

        @Override
        void close() throws IOException;
    }

    void write(Request request, OutputStream out) {
        List<String> codes = catalog.definitionInForce(request.year()).map(Columns::indicatorCodes)
                .orElse(List.of());
        List<String> headers = Columns.headers(codes);
        readOnly.executeWithoutResult(status -> {
            try (Sink sink = request.format() == Format.CSV ? csv(out, headers)
                    : xlsx(out, headers, codes, request)) {
                if (request.unit() != null) {
                    rows(request, codes, sink);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void rows(Request request, List<String> codes, Sink sink) {
        // people read and type the group's name; the import takes a name or a code
        Map<String, String> groupNames = new HashMap<>();
        catalog.targetGroups().forEach(g -> groupNames.put(g.code(), g.name()));
        Object[] current = new Object[1];
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> verified = new HashMap<>();
        List<Object> base = new ArrayList<>();
        Runnable emit = () -> {
            if (current[0] == null) {
                return;
            }
            List<Object> cells = new ArrayList<>(base);
            boolean assessed = cells.get(6) != null;
            if (!assessed && request.template()) {
                cells.set(6, request.year());
            }
            codes.forEach(code -> cells.add(self.get(code)));
            codes.forEach(code -> cells.add(verified.get(code)));
            try {
                sink.row(cells);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
        cursor.query("""
                select c.id, u.code, c.full_name, c.birth_year, c.gender, c.id_number_masked, c.target_group,
                       a.id as assessment_id, s.indicator_code, s.self_score, s.verified_score
                from citizen_register c
                join admin_unit u on u.id = c.unit_id
                left join assessment_outcome a on a.citizen_id = c.id and a.assessment_year = ?
                left join assessment_score_sheet s on s.assessment_id = a.id
                where\s""" + Subtree.below("u.path") + """

                order by u.code, c.search_name, c.birth_year, c.id""", rs -> {
            long id = rs.getLong("id");
            if (current[0] == null || (long) current[0] != id) {
                emit.run();
                current[0] = id;
                self.clear();
                verified.clear();
                base.clear();
                base.add(rs.getString("code"));
                base.add(rs.getString("full_name"));
                base.add(rs.getInt("birth_year"));
                base.add(genderLabel(rs.getString("gender")));
                base.add(rs.getString("id_number_masked"));
                base.add(groupNames.getOrDefault(rs.getString("target_group"), rs.getString("target_group")));
                rs.getLong("assessment_id");
                base.add(rs.wasNull() ? null : request.year());
            }
            String code = rs.getString("indicator_code");
            if (code != null) {
                Integer s = rs.getObject("self_score", Integer.class);
                Integer v = rs.getObject("verified_score", Integer.class);
                if (s != null) {
                    self.put(code, s);
                }
                if (v != null) {
                    verified.put(code, v);
                }
            }
        }, request.year(), request.unit().path());
        emit.run();
    }

    static String genderLabel(String gender) {
        return switch (gender) {
            case "MALE" -> Columns.MALE;
            case "FEMALE" -> Columns.FEMALE;
            default -> Columns.OTHER;
        };
    }

    private static Sink csv(OutputStream out, List<String> headers) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        printer.printRecord(headers);
        return new Sink() {
            @Override
            public void row(List<Object> cells) throws IOException {
                for (Object cell : cells) {
                    printer.print(cell instanceof String text ? Columns.escape(text) : cell);
                }
                printer.println();
            }

            @Override
            public void close() throws IOException {
                printer.flush();
                writer.flush();
            }
        };
    }

    private Sink xlsx(OutputStream out, List<String> headers, List<String> codes, Request request) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        workbook.setCompressTempFiles(true);
        Sheet data = workbook.createSheet(DATA_SHEET);
        Sheet notes = workbook.createSheet(NOTES_SHEET);
        Sheet lists = workbook.createSheet(LISTS_SHEET);
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle bold = workbook.createCellStyle();
        bold.setFont(font);
        CellStyle text = workbook.createCellStyle();
        text.setDataFormat(workbook.createDataFormat().getFormat("@"));
        Row head = data.createRow(0);
        for (int c = 0; c < headers.size(); c++) {
            Cell cell = head.createCell(c);
            cell.setCellValue(headers.get(c));
            cell.setCellStyle(bold);
            data.setColumnWidth(c, c == 1 ? 30 * 256 : 14 * 256);
        }
        data.setDefaultColumnStyle(4, text);
        data.setDefaultColumnStyle(0, text);
        data.createFreezePane(0, 1);
        notes(notes, headers, codes, request, bold);
        int units = lists(lists, request, bold);
        int groups = catalog.targetGroups().size();
        DataValidationHelper helper = data.getDataValidationHelper();
        int last = properties.maxRows();
        if (units > 0) {
            validation(data, helper, helper.createFormulaListConstraint("'" + LISTS_SHEET + "'!$A$2:$A$"
                    + (units + 1)), 0, last);
        }
        validation(data, helper, helper.createExplicitListConstraint(
                new String[] {Columns.MALE, Columns.FEMALE, Columns.OTHER}), 3, last);
        if (groups > 0) {
            validation(data, helper, helper.createFormulaListConstraint("'" + LISTS_SHEET + "'!$C$2:$C$"
                    + (groups + 1)), 5, last);
        }
        int[] next = {1};
        return new Sink() {
            @Override
            public void row(List<Object> cells) {
                Row row = data.createRow(next[0]++);
                for (int c = 0; c < cells.size(); c++) {
                    Object value = cells.get(c);
                    if (value == null) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (value instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else {
                        cell.setCellValue(Columns.escape(value.toString()));
                        cell.setCellStyle(text);
                    }
                }
            }

            @Override
            public void close() throws IOException {
                try {
                    workbook.write(out);
                    out.flush();
                } finally {
                    workbook.close();
                }
            }
        };
    }

    private static void validation(Sheet sheet, DataValidationHelper helper, DataValidationConstraint constraint,
            int column, int lastRow) {
        DataValidation validation = helper.createValidation(constraint,
                new CellRangeAddressList(1, lastRow, column, column));
        validation.setShowErrorBox(true);
        sheet.addValidationData(validation);
    }

    private void notes(Sheet notes, List<String> headers, List<String> codes, Request request, CellStyle bold) {
        Row title = notes.createRow(0);
        title.createCell(0).setCellValue(msg(request, "transfer.note.column"));
        title.createCell(1).setCellValue(msg(request, "transfer.note.meaning"));
        title.getCell(0).setCellStyle(bold);
        title.getCell(1).setCellStyle(bold);
        notes.setColumnWidth(0, 20 * 256);
        notes.setColumnWidth(1, 110 * 256);
        int r = 1;
        for (int i = 0; i < Columns.FIXED.size(); i++) {
            Row row = notes.createRow(r++);
            row.createCell(0).setCellValue(Columns.FIXED.get(i));
            row.createCell(1).setCellValue(msg(request, "transfer.note." + Columns.FIXED_KEYS.get(i)));
        }
        for (String header : headers.subList(Columns.FIXED.size(), headers.size())) {
            Row row = notes.createRow(r++);
            row.createCell(0).setCellValue(header);
            boolean self = header.startsWith(Columns.SELF_PREFIX);
            String code = header.substring((self ? Columns.SELF_PREFIX : Columns.VERIFIED_PREFIX).length());
            row.createCell(1).setCellValue(msg(request, self ? "transfer.note.self" : "transfer.note.verified",
                    code));
        }
        Row end = notes.createRow(r + 1);
        end.createCell(0).setCellValue(msg(request, "transfer.note.rules.title"));
        end.createCell(1).setCellValue(msg(request, "transfer.note.rules", properties.maxRows()));
        if (codes.isEmpty()) {
            notes.createRow(r + 2).createCell(1).setCellValue(msg(request, "transfer.note.noCriteria",
                    String.valueOf(request.year())));
        }
    }

    /** Residence codes of the subtree (column A, B: names) and target groups' names (C); returns the unit count. */
    private int lists(Sheet lists, Request request, CellStyle bold) {
        Row head = lists.createRow(0);
        head.createCell(0).setCellValue(Columns.UNIT);
        head.createCell(2).setCellValue(Columns.GROUP);
        head.getCell(0).setCellStyle(bold);
        head.getCell(2).setCellStyle(bold);
        List<String[]> units = new ArrayList<>();
        if (request.lists() != null) {
            cursor.query("""
                    select code, name from admin_unit
                    where\s""" + Subtree.below("path") + """
                     and level_code in ('hamlet', 'commune')
                      and valid_from <= ? and (valid_to is null or valid_to >= ?)
                    order by code""", rs -> {
                units.add(new String[] {rs.getString(1), rs.getString(2)});
            }, request.lists().path(), LocalDate.now(), LocalDate.now());
        }
        List<TargetGroupOption> groups = catalog.targetGroups();
        int rows = Math.max(units.size(), groups.size());
        for (int i = 0; i < rows; i++) {
            Row row = lists.createRow(i + 1);
            if (i < units.size()) {
                row.createCell(0).setCellValue(units.get(i)[0]);
                row.createCell(1).setCellValue(units.get(i)[1]);
            }
            if (i < groups.size()) {
                row.createCell(2).setCellValue(groups.get(i).name());
            }
        }
        return units.size();
    }

    private String msg(Request request, String key, Object... args) {
        return messages.getMessage(key, args, request.locale());
    }
}
