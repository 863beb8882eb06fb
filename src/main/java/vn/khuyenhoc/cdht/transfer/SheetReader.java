package vn.khuyenhoc.cdht.transfer;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded file row by row without holding it: CSV through Commons CSV over a strict UTF-8 decoder,
 * .xlsx through POI's SAX event model (the first sheet). The format is told by the content, never by the name: a
 * renamed program, a legacy .xls, a zip that is not a workbook or bytes that are not UTF-8 text are refused.
 * POI's {@link ZipSecureFile} limits (inflate ratio, entry size) stop zip bombs.
 */
final class SheetReader {

    enum Format {
        CSV, XLSX
    }

    /** One row as the user sees it: its number in the sheet (the header is row 1) and its cells by column. */
    record Row(int number, List<String> cells, List<Integer> formulaColumns) {
    }

    interface RowHandler {
        void row(Row row);
    }

    /** Stops reading: the handler has seen enough. */
    static final class Stop extends RuntimeException {
        Stop() {
            super(null, null, false, false);
        }
    }

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final long MAX_ENTRY_BYTES = 1L << 30;
    private static final long MAX_TOTAL_BYTES = 2L << 30;
    private static final long GRACE_BYTES = 100_000;
    private static final long MAX_RATIO = 100;

    static {
        ZipSecureFile.setMinInflateRatio(0.01);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_BYTES);
    }

    private SheetReader() {
    }

    /** The format of the file's content; a {@link FileProblem} for anything else. */
    static Format detect(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(8192);
        } catch (IOException e) {
            throw new FileProblem("transfer.file.unreadable");
        }
        if (head.length == 0) {
            throw new FileProblem("transfer.file.empty");
        }
        if (startsWith(head, ZIP)) {
            checkZip(file);
            return Format.XLSX;
        }
        if (startsWith(head, OLE)) {
            throw new FileProblem("transfer.file.legacyExcel");
        }
        if (head[0] == 'M' && head.length > 1 && head[1] == 'Z' || startsWith(head, "%PDF".getBytes())
                || startsWith(head, new byte[] {0x7F, 'E', 'L', 'F'})) {
            throw new FileProblem("transfer.file.binary");
        }
        if (startsWith(head, new byte[] {(byte) 0xFF, (byte) 0xFE}) || startsWith(head, new byte[] {(byte) 0xFE,
                (byte) 0xFF}) || looksUtf16(head)) {
            throw new FileProblem("transfer.file.utf16");
        }
        for (byte b : head) {
            if (b == 0) {
                throw new FileProblem("transfer.file.binary");
            }
        }
        checkText(file, head);
        return Format.CSV;
    }

    private static final int MAX_LINE_BYTES = 1 << 20;
    /** Letters of the legacy VNI font encoding that Vietnamese in Unicode never uses. */
    private static final String VNI_MARKS = "øïñöûØÏÑÖÛ";

    /** Excel's "Unicode Text" without a BOM: every other byte of plain text is zero. */
    private static boolean looksUtf16(byte[] head) {
        int n = Math.min(head.length, 512) & ~1;
        int even = 0;
        int odd = 0;
        for (int i = 0; i < n; i += 2) {
            even += head[i] == 0 ? 1 : 0;
            odd += head[i + 1] == 0 ? 1 : 0;
        }
        return n >= 8 && (even > n / 5 || odd > n / 5);
    }

    /** A web page saved as .csv, a first line too long to be a header, text in VNI or TCVN3 (not Unicode). */
    private static void checkText(Path file, byte[] head) {
        int offset = startsWith(head, BOM) ? 3 : 0;
        String start = new String(head, offset, head.length - offset, StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(java.util.Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<table")
                || start.startsWith("<?xml") && start.contains("<html")) {
            throw new FileProblem("transfer.file.html");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] firstLine = in.readNBytes(MAX_LINE_BYTES + 1);
            boolean newline = false;
            for (byte b : firstLine) {
                if (b == '\n' || b == '\r') {
                    newline = true;
                    break;
                }
            }
            if (!newline && firstLine.length > MAX_LINE_BYTES) {
                throw new FileProblem("transfer.file.lineTooLong");
            }
            int end = Math.min(firstLine.length, 65536);
            while (end < firstLine.length && end > 0 && (firstLine[end] & 0xC0) == 0x80) {
                end--; // do not cut a UTF-8 character in two
            }
            String text;
            try {
                text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(java.nio.ByteBuffer.wrap(firstLine, 0, end)).toString();
            } catch (CharacterCodingException e) {
                // mostly UTF-8 with a stray byte: the "not UTF-8" message later says it; otherwise VNI or TCVN3
                // saved by Excel as "ANSI", which reads as Windows-1252
                String lenient = new String(firstLine, 0, end, StandardCharsets.UTF_8);
                long broken = lenient.chars().filter(c -> c == '\uFFFD').count();
                long decoded = lenient.chars().filter(c -> c > 0x7F && c != '\uFFFD').count();
                text = decoded > broken ? lenient
                        : new String(firstLine, 0, end, java.nio.charset.Charset.forName("windows-1252"));
            }
            if (legacyVietnamese(text)) {
                throw new FileProblem("transfer.file.legacyVietnamese");
            }
        } catch (IOException e) {
            throw new FileProblem("transfer.file.unreadable");
        }
    }

    /** Three or more letters followed by a VNI mark or a TCVN3 letter (U+00A1-U+00BF): "Nguyeãn", "NguyÔn". */
    static boolean legacyVietnamese(String text) {
        int hits = 0;
        for (int i = 1; i < text.length() && hits < 3; i++) {
            char c = text.charAt(i);
            boolean mark = VNI_MARKS.indexOf(c) >= 0 || (c >= '\u00A1' && c <= '\u00BF')
                    || c == '\u00D4' && i + 1 < text.length() && Character.isLowerCase(text.charAt(i + 1));
            if (mark && Character.isLetter(text.charAt(i - 1))) {
                hits++;
            }
        }
        return hits >= 3;
    }

    static void read(Path file, Format format, RowHandler handler) {
        try {
            if (format == Format.CSV) {
                readCsv(file, handler);
            } else {
                readXlsx(file, handler);
            }
        } catch (Stop stop) {
            // the handler has what it needs
        }
    }

    private static void readCsv(Path file, RowHandler handler) {
        char delimiter = delimiter(file);
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file))) {
            raw.mark(3);
            if (!Arrays.equals(raw.readNBytes(3), BOM)) {
                raw.reset();
            }
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            Reader reader = new InputStreamReader(raw, utf8);
            CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
            try (CSVParser parser = CSVParser.parse(reader, csv)) {
                int number = 0;
                for (CSVRecord record : parser) {
                    number++;
                    List<String> cells = new ArrayList<>(record.size());
                    record.forEach(cells::add);
                    handler.row(new Row(number, cells, List.of()));
                }
            }
        } catch (CharacterCodingException e) {
            throw new FileProblem("transfer.file.notUtf8");
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new FileProblem("transfer.file.notUtf8");
            }
            throw new FileProblem("transfer.file.badCsv");
        } catch (IOException | IllegalStateException e) {
            throw new FileProblem("transfer.file.badCsv");
        }
    }

    /** ; or , whichever the header line holds more of (outside quotes). */
    private static char delimiter(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(65536);
            int semicolons = 0;
            int commas = 0;
            boolean quoted = false;
            for (byte b : head) {
                if (b == '"') {
                    quoted = !quoted;
                } else if (!quoted && (b == '\n' || b == '\r')) {
                    break;
                } else if (!quoted && b == ';') {
                    semicolons++;
                } else if (!quoted && b == ',') {
                    commas++;
                }
            }
            return semicolons > commas ? ';' : ',';
        } catch (IOException e) {
            throw new FileProblem("transfer.file.unreadable");
        }
    }

    private static void readXlsx(Path file, RowHandler handler) {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new FileProblem("transfer.file.noSheet");
            }
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                Collector collector = new Collector(handler);
                parser.setContentHandler(new FormulaAwareHandler(styles, strings, collector));
                parser.parse(new InputSource(sheet));
                collector.finish();
            }
        } catch (FileProblem | Stop e) {
            throw e;
        } catch (Exception | OutOfMemoryError e) {
            if (isZipBomb(e)) {
                throw new FileProblem("transfer.file.zipBomb");
            }
            if (e instanceof SAXException sax && sax.getException() instanceof Stop stop) {
                throw stop;
            }
            if (e instanceof SAXException sax && sax.getException() instanceof FileProblem problem) {
                throw problem;
            }
            throw new FileProblem("transfer.file.notWorkbook");
        }
    }

    /**
     * Inflates every entry once, counting, before POI sees the file: an entry that inflates more than 100 times
     * its compressed size (beyond the first 100 kB), or a total beyond 2 GB, is a zip bomb; a zip without the
     * parts of a workbook is not an .xlsx.
     */
    private static void checkZip(Path file) {
        boolean contentTypes = false;
        boolean workbook = false;
        long total = 0;
        byte[] buffer = new byte[65536];
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                java.util.zip.ZipEntry entry = entries.nextElement();
                contentTypes |= entry.getName().equals("[Content_Types].xml");
                workbook |= entry.getName().equals("xl/workbook.xml");
                long compressed = Math.max(entry.getCompressedSize(), 1);
                long inflated = 0;
                try (InputStream in = zip.getInputStream(entry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        inflated += n;
                        total += n;
                        if ((inflated > GRACE_BYTES && inflated > compressed * MAX_RATIO) || total > MAX_TOTAL_BYTES) {
                            throw new FileProblem("transfer.file.zipBomb");
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new FileProblem("transfer.file.notWorkbook");
        }
        if (!contentTypes || !workbook) {
            throw new FileProblem("transfer.file.notWorkbook");
        }
    }

    private static boolean isZipBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage()).toLowerCase();
            if (message.contains("zip bomb") || message.contains("inflate ratio")
                    || message.contains("max entry size") || t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Cells of one sheet row into a list by column; rows the sheet skips (empty) are skipped. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final RowHandler handler;
        private List<String> cells = new ArrayList<>();
        private List<Integer> formulas = new ArrayList<>();
        private boolean formulaInCell;

        Collector(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells = new ArrayList<>();
            formulas = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            handler.row(new Row(rowNum + 1, cells, formulas));
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            int column = new CellReference(cellReference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            cells.add(formattedValue == null ? "" : formattedValue);
            if (formulaInCell) {
                formulas.add(column);
            }
        }

        void finish() {
        }
    }

    /** Notes which cells hold a formula (an &lt;f&gt; element), which an import refuses. */
    private static final class FormulaAwareHandler extends XSSFSheetXMLHandler {

        private final Collector collector;

        FormulaAwareHandler(StylesTable styles, ReadOnlySharedStringsTable strings, Collector collector) {
            super(styles, null, strings, collector, new DataFormatter(), false);
            this.collector = collector;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes)
                throws SAXException {
            String name = localName == null || localName.isEmpty() ? qName : localName;
            if ("c".equals(name)) {
                collector.formulaInCell = false;
            } else if ("f".equals(name)) {
                collector.formulaInCell = true;
            }
            try {
                super.startElement(uri, localName, qName, attributes);
            } catch (Stop | FileProblem e) {
                throw new SAXException(e);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) throws SAXException {
            try {
                super.endElement(uri, localName, qName);
            } catch (Stop | FileProblem e) {
                throw new SAXException(e);
            }
        }
    }
}
