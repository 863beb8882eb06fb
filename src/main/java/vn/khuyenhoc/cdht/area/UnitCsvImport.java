package vn.khuyenhoc.cdht.area;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CodedForm;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Imports units from CSV (code, name, level, parent code, valid from; valid to and population optional).
 * The dry run and the real run share one code path: every row is applied inside a transaction, errors are
 * collected per row, and the transaction commits only when it is not a dry run and no row failed. So what the
 * dry run reports is exactly what the import would do, and a file with one bad row imports nothing.
 */
@Service
class UnitCsvImport {

    static final int MAX_ROWS = 20_000;
    private static final List<String> REQUIRED = List.of("code", "name", "level", "parent_code", "valid_from");
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final UnitAdministration administration;
    private final TransactionTemplate transaction;

    UnitCsvImport(UnitAdministration administration, PlatformTransactionManager transactionManager) {
        this.administration = administration;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    ImportReport run(CurrentUser actor, byte[] content, boolean dryRun) {
        administration.requireAdmin(actor);
        List<ParsedRow> rows;
        try {
            rows = parse(content);
        } catch (BusinessRuleException e) {
            return ImportReport.fileError(new DefaultMessageSourceResolvable(new String[] {e.messageKey()},
                    e.arguments()));
        }
        List<RowResult> results = new ArrayList<>();
        Boolean committed = transaction.execute(status -> {
            for (ParsedRow row : rows) {
                List<DefaultMessageSourceResolvable> errors = new ArrayList<>(row.errors());
                if (errors.isEmpty()) {
                    try {
                        administration.create(actor, row.draft());
                    } catch (BusinessRuleException e) {
                        errors.add(new DefaultMessageSourceResolvable(new String[] {e.messageKey()},
                                e.arguments()));
                    }
                }
                results.add(new RowResult(row.line(), row.draft().code(), row.draft().name(), errors));
            }
            boolean clean = results.stream().allMatch(r -> r.errors().isEmpty());
            if (dryRun || !clean) {
                status.setRollbackOnly();
                return false;
            }
            return true;
        });
        return new ImportReport(null, results, Boolean.TRUE.equals(committed), dryRun);
    }

    private List<ParsedRow> parse(byte[] content) {
        if (content == null || content.length == 0) {
            throw new BusinessRuleException("import.file.empty");
        }
        String text = decodeUtf8(content);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(guessDelimiter(text))
                .setCommentMarker('#')
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<ParsedRow> rows = new ArrayList<>();
        try (Reader reader = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = normalisedHeader(parser.getHeaderMap());
            List<String> missing = REQUIRED.stream().filter(h -> !header.containsKey(h)).toList();
            if (!missing.isEmpty()) {
                throw new BusinessRuleException("import.file.missingColumns", String.join(", ", missing));
            }
            Set<String> codesInFile = new HashSet<>();
            for (CSVRecord record : parser) {
                if (rows.size() >= MAX_ROWS) {
                    throw new BusinessRuleException("import.file.tooManyRows", MAX_ROWS);
                }
                rows.add(parseRow(record, header, codesInFile, parser.getCurrentLineNumber()));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new BusinessRuleException("import.file.unreadable");
        }
        if (rows.isEmpty()) {
            throw new BusinessRuleException("import.file.noRows");
        }
        return rows;
    }

    private ParsedRow parseRow(CSVRecord record, Map<String, Integer> header, Set<String> codesInFile,
            long line) {
        List<DefaultMessageSourceResolvable> errors = new ArrayList<>();
        String code = value(record, header, "code");
        String name = value(record, header, "name");
        String level = value(record, header, "level");
        String parentCode = value(record, header, "parent_code");
        LocalDate validFrom = date(value(record, header, "valid_from"), "valid_from", errors);
        LocalDate validTo = date(value(record, header, "valid_to"), "valid_to", errors);
        Long population = null;
        String populationText = value(record, header, "population");
        if (code.isEmpty()) {
            errors.add(error("import.row.required", "code"));
        } else if (code.length() > AdminUnit.CODE_LENGTH || !code.matches(CodedForm.CODE_CHARACTERS)) {
            errors.add(error("import.row.badCode", code));
        } else if (!codesInFile.add(code + "@" + validFrom)) {
            errors.add(error("import.row.duplicateInFile", code));
        }
        if (name.isEmpty()) {
            errors.add(error("import.row.required", "name"));
        } else if (name.length() > AdminUnit.NAME_LENGTH) {
            errors.add(error("import.row.tooLong", "name", AdminUnit.NAME_LENGTH));
        }
        if (level.isEmpty()) {
            errors.add(error("import.row.required", "level"));
        }
        if (validFrom == null && value(record, header, "valid_from").isEmpty()) {
            errors.add(error("import.row.required", "valid_from"));
        }
        if (!populationText.isEmpty()) {
            try {
                population = Long.parseLong(populationText.replace(".", "").replace(" ", ""));
                if (population < 0) {
                    errors.add(error("import.row.badNumber", "population", populationText));
                }
            } catch (NumberFormatException e) {
                errors.add(error("import.row.badNumber", "population", populationText));
            }
        }
        if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
            errors.add(error("import.row.validToBeforeFrom"));
        }
        UnitDraft draft = new UnitDraft(code, name, level.toLowerCase(Locale.ROOT), parentCode, validFrom, validTo,
                population);
        return new ParsedRow(line, draft, errors);
    }

    private static LocalDate date(String text, String column, List<DefaultMessageSourceResolvable> errors) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return text.contains("/") ? LocalDate.parse(text, VIETNAMESE_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(error("import.row.badDate", column, text));
            return null;
        }
    }

    private static String value(CSVRecord record, Map<String, Integer> header, String column) {
        Integer index = header.get(column);
        if (index == null || index >= record.size()) {
            return "";
        }
        return record.get(index).trim();
    }

    private static Map<String, Integer> normalisedHeader(Map<String, Integer> raw) {
        Map<String, Integer> header = new java.util.HashMap<>();
        raw.forEach((name, index) -> header.put(name.trim().toLowerCase(Locale.ROOT).replace(' ', '_'), index));
        return header;
    }

    private static String decodeUtf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(content))
                    .toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new BusinessRuleException("import.file.notUtf8");
        }
    }

    /** Excel in a Vietnamese locale saves CSV with semicolons; decide by the first non-comment line. */
    private static char guessDelimiter(String text) {
        for (String line : text.split("\\R")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                return line.chars().filter(c -> c == ';').count() > line.chars().filter(c -> c == ',').count()
                        ? ';' : ',';
            }
        }
        return ',';
    }

    private static DefaultMessageSourceResolvable error(String key, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {key}, args);
    }

    record ParsedRow(long line, UnitDraft draft, List<DefaultMessageSourceResolvable> errors) {
    }

    /** Public because templates read it through reflection. */
    public record RowResult(long line, String code, String name, List<DefaultMessageSourceResolvable> errors) {

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    /** Public because templates read it through reflection. */
    public record ImportReport(DefaultMessageSourceResolvable fileError, List<RowResult> rows, boolean committed,
            boolean dryRun) {

        static ImportReport fileError(DefaultMessageSourceResolvable error) {
            return new ImportReport(error, List.of(), false, true);
        }

        public long errorCount() {
            return rows.stream().filter(r -> !r.ok()).count();
        }

        public boolean clean() {
            return fileError == null && errorCount() == 0;
        }
    }
}
