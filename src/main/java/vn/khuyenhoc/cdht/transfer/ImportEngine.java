package vn.khuyenhoc.cdht.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.assessment.AssessmentBulkImport;
import vn.khuyenhoc.cdht.assessment.AssessmentState;
import vn.khuyenhoc.cdht.assessment.WorkflowAction;
import vn.khuyenhoc.cdht.audit.AuditBatch;
import vn.khuyenhoc.cdht.citizen.CitizenBulkWriter;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.community.DataEntryScope;
import vn.khuyenhoc.cdht.community.UnitLevels;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.CriteriaDefinition;
import vn.khuyenhoc.cdht.criteria.IndicatorDefinition;
import vn.khuyenhoc.cdht.criteria.TargetGroupOption;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.JdbcBatches;
import vn.khuyenhoc.cdht.shared.SearchText;
import vn.khuyenhoc.cdht.transfer.RowOutcome.Action;

/**
 * Validates an uploaded file row by row and, on commit, writes it. The file is streamed in chunks: each chunk is
 * parsed, its existing citizens and assessments are looked up in one query each, every row is decided (create,
 * update, unchanged, or errors with row, column and message) and, on commit, written with JDBC batches. A commit
 * is one transaction: a single error anywhere rolls all of it back. Dry run and commit share every rule, so a
 * clean dry run predicts the commit, and a file imported once is "unchanged" on every row the second time.
 *
 * <p>Matching: by CCCD where one is given (a masked CCCD, as exports hold, counts as none), else, and for a CCCD
 * not registered yet, by folded name + birth year + residence among citizens without a CCCD.
 */
@Component
class ImportEngine {

    static final String CITIZEN_AUDIT_TYPE = "CITIZEN";

    private static final Logger log = LoggerFactory.getLogger(ImportEngine.class);

    private final CitizenBulkWriter citizens;
    private final AssessmentBulkImport assessments;
    private final AuditBatch audit;
    private final Units units;
    private final DataEntryScope scope;
    private final CriteriaCatalog catalog;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final TransferProperties properties;
    private final JdbcTemplate jdbc;

    ImportEngine(CitizenBulkWriter citizens, AssessmentBulkImport assessments, AuditBatch audit, Units units,
            DataEntryScope scope, CriteriaCatalog catalog, MessageSource messages,
            PlatformTransactionManager transactionManager, TransferProperties properties, JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.assessments = assessments;
        this.audit = audit;
        this.units = units;
        this.scope = scope;
        this.catalog = catalog;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
        this.properties = properties;
    }

    /** What the user asked for: the file, the state imported assessments get, the year for rows without one. */
    record Request(Path file, String fileName, SheetReader.Format format, AssessmentState state, int defaultYear) {
    }

    /** Counts data rows (and checks the file's format and row limit) before any work on the database. */
    int countRows(Request request) {
        AtomicInteger rows = new AtomicInteger();
        SheetReader.read(request.file(), request.format(), row -> {
            if (row.number() > 1 && !blank(row.cells())) {
                if (rows.incrementAndGet() > properties.maxRows()) {
                    throw new FileProblem("transfer.file.tooManyRows", properties.maxRows());
                }
            }
        });
        if (rows.get() == 0) {
            throw new FileProblem("transfer.file.noRows");
        }
        return rows.get();
    }

    /**
     * Runs the file. Commit: in one transaction, rolled back if any row has an error. errorsCsv receives every
     * error; progress counts the rows done.
     */
    ImportReport run(CurrentUser user, Request request, boolean commit, AtomicInteger progress, Locale locale,
            Path errorsCsv) {
        scope.requireWriter(user);
        if (!commit) {
            return new Run(user, request, false, progress, locale, errorsCsv).execute();
        }
        Run run = new Run(user, request, true, progress, locale, errorsCsv);
        long started = System.nanoTime();
        ImportReport result = transactions.execute(status -> {
            boolean postgres = postgres();
            if (postgres) {
                // The look-ups run inside the transaction that is inserting thousands of rows the planner's
                // statistics do not know about yet: on a small table it would scan sequentially, once per chunk,
                // which makes the import quadratic. The indexes (CCCD hash, folded name, citizen + year) are right.
                // Custom plans only: a generic plan cached by the dry run on the same pooled connection (a table of
                // a few rows then) would otherwise be reused whatever the setting above.
                // Custom plans are forced only around each chunk's look-ups (Run.lookUp): forced for the whole
                // transaction they also re-planned every foreign-key check of the writes, one per row written.
                jdbc.execute("set local enable_seqscan = off");
                run.customPlans = true;
            }
            ImportReport report = run.execute();
            if (postgres) {
                // the roll-up refresh before commit plans freely
                jdbc.execute("set local enable_seqscan = on");
            }
            if (report.hasErrors()) {
                status.setRollbackOnly();
                return withCommitted(report, false);
            }
            run.executed = System.nanoTime();
            return withCommitted(report, true);
        });
        long total = System.nanoTime() - started;
        log.info("import commit of {} rows: {} ms (parse + checks {} ms, look-ups {} ms, writes {} ms, "
                + "roll-up refresh + commit {} ms)", result.rows(), total / 1_000_000, run.parseNanos / 1_000_000,
                run.lookupNanos / 1_000_000, run.writeNanos / 1_000_000,
                run.executed == 0 ? 0 : (System.nanoTime() - run.executed) / 1_000_000);
        return result;
    }

    private boolean postgres() {
        return JdbcBatches.postgres(jdbc);
    }

    private static ImportReport withCommitted(ImportReport r, boolean committed) {
        return new ImportReport(r.rows(), r.created(), r.updated(), r.unchanged(), r.failed(), r.errorCount(),
                r.citizensCreated(), r.citizensUpdated(), r.assessmentsCreated(), r.assessmentsUpdated(),
                r.shownRows(), r.shownErrors(), committed);
    }

    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    private record UnitRef(long id, String code, String path, boolean inScope, boolean residence) {
    }

    private enum Kind {
        FIXED, SELF, VERIFIED
    }

    private record Column(Kind kind, String header, String code) {
    }

    /** One row as read and checked, then resolved against the database. */
    private static final class Line {
        final int row;
        final List<RowError> errors = new ArrayList<>();
        String name = "";
        UnitRef unit;
        String fullName;
        String searchName;
        Integer birthYear;
        Gender gender;
        CitizenBulkWriter.IdNumber idNumber;
        String targetGroup;
        Integer year;
        final Map<String, Integer> self = new LinkedHashMap<>();
        final Map<String, Integer> verified = new LinkedHashMap<>();
        final Map<String, String> scoreColumns = new HashMap<>();
        CitizenBulkWriter.Existing existing;
        Long citizenId;
        Action citizenAction = Action.NONE;
        Action assessmentAction = Action.NONE;
        AssessmentBulkImport.Row assessmentRow;

        Line(int row) {
            this.row = row;
        }

        boolean hasScores() {
            return !self.isEmpty() || !verified.isEmpty();
        }
    }

    private final class Run implements SheetReader.RowHandler {

        private final CurrentUser user;
        private final Request request;
        private final boolean commit;
        private final AtomicInteger progress;
        private final Locale locale;
        private final Path errorsCsv;
        private final String scopePath;
        private final boolean mayVerify;
        private final int thisYear = Year.now().getValue();
        private final LocalDate today = LocalDate.now();

        private Map<Integer, Column> columns;
        private final List<SheetReader.Row> chunk = new ArrayList<>();
        private final Map<String, Optional<UnitRef>> unitsByCode = new HashMap<>();
        private final Map<Long, String> pathsById = new HashMap<>();
        private final Map<Integer, Optional<CriteriaDefinition>> setsByYear = new HashMap<>();
        private final Map<Long, CriteriaDefinition> setsById = new HashMap<>();
        private final Map<String, String> groups = new HashMap<>();
        private final Set<String> seenIdNumbers = new HashSet<>();
        private final Set<String> seenNames = new HashSet<>();
        private final Set<Long> seenCitizens = new HashSet<>();
        private final Set<Long> residenceUnits = new HashSet<>();
        private Long anyCitizen;
        // wall-clock per phase, logged after a commit
        long parseNanos;
        long lookupNanos;
        long writeNanos;
        long executed;
        boolean customPlans;

        private int rows;
        private int created;
        private int updated;
        private int unchanged;
        private int failed;
        private int errorCount;
        private int citizensCreated;
        private int citizensUpdated;
        private int assessmentsCreated;
        private int assessmentsUpdated;
        private final List<RowOutcome> shownRows = new ArrayList<>();
        private final List<RowError> shownErrors = new ArrayList<>();
        private CSVPrinter errors;

        Run(CurrentUser user, Request request, boolean commit, AtomicInteger progress, Locale locale,
                Path errorsCsv) {
            this.user = user;
            this.request = request;
            this.commit = commit;
            this.progress = progress;
            this.locale = locale;
            this.errorsCsv = errorsCsv;
            this.scopePath = scope.scopePath(user);
            this.mayVerify = WorkflowAction.VERIFY.allowedFor(user.role());
            for (TargetGroupOption group : catalog.targetGroups()) {
                groups.put(SearchText.fold(group.code()), group.code());
                groups.put(SearchText.fold(group.name()), group.code());
            }
        }

        ImportReport execute() {
            try (BufferedWriter writer = Files.newBufferedWriter(errorsCsv, StandardCharsets.UTF_8)) {
                writer.write('\uFEFF');
                errors = new CSVPrinter(writer, CSVFormat.DEFAULT);
                errors.printRecord(msg("transfer.errors.row"), msg("transfer.errors.column"),
                        msg("transfer.errors.message"));
                SheetReader.read(request.file(), request.format(), this);
                if (columns == null) {
                    throw new FileProblem("transfer.file.noRows");
                }
                flushChunk();
                if (rows == 0) {
                    throw new FileProblem("transfer.file.noRows");
                }
                if (commit && errorCount == 0 && anyCitizen != null) {
                    citizens.announce(anyCitizen, residenceUnits);
                }
                errors.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new ImportReport(rows, created, updated, unchanged, failed, errorCount, citizensCreated,
                    citizensUpdated, assessmentsCreated, assessmentsUpdated, List.copyOf(shownRows),
                    List.copyOf(shownErrors), false);
        }

        @Override
        public void row(SheetReader.Row row) {
            if (columns == null) {
                if (blank(row.cells())) {
                    return;
                }
                columns = header(row.cells());
                return;
            }
            if (blank(row.cells())) {
                return;
            }
            if (rows + chunk.size() >= properties.maxRows()) {
                throw new FileProblem("transfer.file.tooManyRows", properties.maxRows());
            }
            chunk.add(row);
            if (chunk.size() >= properties.chunkRows()) {
                flushChunk();
            }
        }

        private Map<Integer, Column> header(List<String> cells) {
            Map<Integer, Column> found = new HashMap<>();
            Set<String> seen = new HashSet<>();
            List<String> unknown = new ArrayList<>();
            for (int i = 0; i < cells.size(); i++) {
                String text = cells.get(i) == null ? "" : cells.get(i).strip();
                if (text.startsWith("\uFEFF")) {
                    text = text.substring(1).strip();
                }
                if (text.isEmpty()) {
                    continue;
                }
                Column column = null;
                for (String fixed : Columns.FIXED) {
                    if (SearchText.fold(fixed).equals(SearchText.fold(text))) {
                        column = new Column(Kind.FIXED, fixed, null);
                    }
                }
                if (column == null && SearchText.fold(text).startsWith(SearchText.fold(Columns.SELF_PREFIX))) {
                    column = new Column(Kind.SELF, text, text.substring(Columns.SELF_PREFIX.length()).strip());
                } else if (column == null
                        && SearchText.fold(text).startsWith(SearchText.fold(Columns.VERIFIED_PREFIX))) {
                    column = new Column(Kind.VERIFIED, text,
                            text.substring(Columns.VERIFIED_PREFIX.length()).strip());
                }
                if (column == null) {
                    unknown.add(text);
                    continue;
                }
                if (!seen.add(column.kind() + "|" + (column.code() == null ? column.header() : column.code()))) {
                    throw new FileProblem("transfer.file.duplicateColumn", text);
                }
                found.put(i, column);
            }
            if (!unknown.isEmpty()) {
                throw new FileProblem("transfer.file.unknownColumns", String.join(", ", unknown));
            }
            List<String> missing = Columns.FIXED.stream().filter(h -> !found.values().stream()
                    .anyMatch(c -> c.kind() == Kind.FIXED && c.header().equals(h))).toList();
            if (!missing.isEmpty()) {
                throw new FileProblem("transfer.file.missingColumns", String.join(", ", missing));
            }
            return found;
        }

        private void flushChunk() {
            if (chunk.isEmpty()) {
                return;
            }
            long t0 = System.nanoTime();
            List<Line> lines = new ArrayList<>(chunk.size());
            for (SheetReader.Row row : chunk) {
                lines.add(parse(row));
            }
            chunk.clear();
            long t1 = System.nanoTime();
            if (customPlans) {
                // Bitmap scans off as well: on the statistics of a "small" table the planner sends the name look-up
                // through the trigram GIN index (V88), which GIN can only read as a bitmap and which then scans the
                // pending list of every name this transaction inserted (100,000 rows: look-ups 356 s, against 1.1 s
                // through the B-tree, which a plain index scan uses).
                jdbc.execute("set local plan_cache_mode = force_custom_plan");
                jdbc.execute("set local enable_bitmapscan = off");
            }
            resolveCitizens(lines);
            resolveAssessments(lines);
            if (customPlans) {
                jdbc.execute("set local plan_cache_mode = auto");
                jdbc.execute("set local enable_bitmapscan = on");
            }
            long t2 = System.nanoTime();
            if (commit && errorCount == 0 && lines.stream().noneMatch(l -> !l.errors.isEmpty())) {
                write(lines);
            }
            long t3 = System.nanoTime();
            parseNanos += t1 - t0;
            lookupNanos += t2 - t1;
            writeNanos += t3 - t2;
            for (Line line : lines) {
                record(line);
            }
            progress.addAndGet(lines.size());
        }

        // ---- parsing ----------------------------------------------------------------------------------------

        private Line parse(SheetReader.Row row) {
            Line line = new Line(row.number());
            Map<String, String> fixed = new HashMap<>();
            for (Map.Entry<Integer, Column> entry : columns.entrySet()) {
                int index = entry.getKey();
                Column column = entry.getValue();
                String value = index < row.cells().size() ? row.cells().get(index) : "";
                String raw = value == null ? "" : value.strip();
                if (row.formulaColumns().contains(index)) {
                    error(line, column.header(), "transfer.row.formula");
                    continue;
                }
                // an escaped value ('=…, as exports write it) is text; an unescaped one would run as a formula
                if (!raw.isEmpty() && startsLikeFormula(raw) && column.kind() == Kind.FIXED) {
                    error(line, column.header(), "transfer.row.formula");
                    continue;
                }
                value = Columns.unescape(raw);
                switch (column.kind()) {
                    case FIXED -> fixed.put(column.header(), value);
                    case SELF, VERIFIED -> {
                        if (!value.isEmpty()) {
                            Integer score = integer(value);
                            if (score == null) {
                                error(line, column.header(), "transfer.row.scoreNotNumber", value);
                            } else {
                                (column.kind() == Kind.SELF ? line.self : line.verified).put(column.code(), score);
                                line.scoreColumns.put(column.kind() + column.code(), column.header());
                            }
                        }
                    }
                }
            }
            String name = fixed.getOrDefault(Columns.NAME, "").replaceAll("\\s+", " ");
            line.name = name;
            if (name.isEmpty()) {
                error(line, Columns.NAME, "transfer.row.nameRequired");
            } else if (name.length() > 150) {
                error(line, Columns.NAME, "transfer.row.nameTooLong", 150);
            } else {
                line.fullName = name;
                line.searchName = SearchText.fold(name);
            }
            String birth = fixed.getOrDefault(Columns.BIRTH_YEAR, "");
            Integer birthYear = integer(birth);
            if (birth.isEmpty()) {
                error(line, Columns.BIRTH_YEAR, "transfer.row.birthYearRequired");
            } else if (birthYear == null || birthYear < 1900 || birthYear > thisYear) {
                error(line, Columns.BIRTH_YEAR, "transfer.row.birthYearRange", birth, "1900",
                        String.valueOf(thisYear));
            } else {
                line.birthYear = birthYear;
            }
            String gender = fixed.getOrDefault(Columns.GENDER, "");
            line.gender = gender(gender);
            if (line.gender == null) {
                error(line, Columns.GENDER, "transfer.row.gender", gender);
            }
            String group = fixed.getOrDefault(Columns.GROUP, "");
            line.targetGroup = groups.get(SearchText.fold(group));
            if (line.targetGroup == null) {
                error(line, Columns.GROUP, "transfer.row.groupUnknown", group);
            }
            String code = fixed.getOrDefault(Columns.UNIT, "");
            if (code.isEmpty()) {
                error(line, Columns.UNIT, "transfer.row.unitRequired");
            } else {
                UnitRef unit = unit(code).orElse(null);
                if (unit == null) {
                    error(line, Columns.UNIT, "transfer.row.unitUnknown", code);
                } else if (!unit.inScope()) {
                    error(line, Columns.UNIT, "transfer.row.unitOutOfScope", code);
                } else if (!unit.residence()) {
                    error(line, Columns.UNIT, "transfer.row.unitLevel", code);
                } else {
                    line.unit = unit;
                }
            }
            String idNumber = fixed.getOrDefault(Columns.ID_NUMBER, "");
            if (!idNumber.isEmpty() && !masked(idNumber)) {
                try {
                    line.idNumber = citizens.protect(idNumber);
                    if (line.birthYear != null && line.idNumber.birthYear() != line.birthYear) {
                        error(line, Columns.ID_NUMBER, "transfer.row.idNumberBirthYear");
                    }
                } catch (BusinessRuleException e) {
                    line.errors.add(new RowError(line.row, Columns.ID_NUMBER,
                            messages.getMessage(e.messageKey(), e.arguments(), locale)));
                }
            }
            String year = fixed.getOrDefault(Columns.YEAR, "");
            if (line.hasScores() || !year.isEmpty()) {
                Integer y = year.isEmpty() ? Integer.valueOf(request.defaultYear()) : integer(year);
                if (y == null || y < 2000 || y > thisYear) {
                    error(line, Columns.YEAR, "transfer.row.yearRange", year, "2000", String.valueOf(thisYear));
                } else {
                    line.year = y;
                }
            }
            // one message per cell: a formula refused is not also reported as a missing value
            Set<String> columnsWithError = new HashSet<>();
            line.errors.removeIf(e -> !columnsWithError.add(e.column()));
            return line;
        }

        private boolean startsLikeFormula(String value) {
            char first = value.charAt(0);
            return first == '=' || first == '+' || first == '@' || (first == '-' && integer(value) == null);
        }

        private boolean masked(String idNumber) {
            return idNumber.contains("•") || idNumber.contains("*");
        }

        private Gender gender(String text) {
            return switch (SearchText.fold(text)) {
                case "nam", "male", "m" -> Gender.MALE;
                case "nu", "female", "f" -> Gender.FEMALE;
                case "khac", "other" -> Gender.OTHER;
                default -> null;
            };
        }

        private Optional<UnitRef> unit(String code) {
            return unitsByCode.computeIfAbsent(code, c -> units.findByCodeOn(c, today).map(this::ref));
        }

        private UnitRef ref(UnitSummary unit) {
            String path = path(unit.id());
            return new UnitRef(unit.id(), unit.code(), path, path.startsWith(scopePath),
                    UnitLevels.RESIDENCE.contains(unit.levelCode()));
        }

        private String path(long unitId) {
            return pathsById.computeIfAbsent(unitId, scope::subtreePath);
        }

        // ---- resolving ----------------------------------------------------------------------------------------

        private void resolveCitizens(List<Line> lines) {
            Set<String> hashes = new HashSet<>();
            Set<Long> unitIds = new HashSet<>();
            Set<String> names = new HashSet<>();
            for (Line line : lines) {
                if (line.idNumber != null) {
                    hashes.add(line.idNumber.hash());
                }
                if (line.unit != null && line.searchName != null) {
                    unitIds.add(line.unit.id());
                    names.add(line.searchName);
                }
            }
            Map<String, CitizenBulkWriter.Existing> byHash = new HashMap<>();
            citizens.findByIdNumberHashes(hashes).forEach(c -> byHash.put(c.idNumberHash(), c));
            Map<String, List<CitizenBulkWriter.Existing>> byName = new HashMap<>();
            citizens.findByNames(unitIds, names).forEach(c -> byName.computeIfAbsent(
                    nameKey(c.unitId(), c.searchName(), c.birthYear()), k -> new ArrayList<>()).add(c));
            for (Line line : lines) {
                if (!line.errors.isEmpty()) {
                    continue;
                }
                String nameKey = nameKey(line.unit.id(), line.searchName, line.birthYear);
                if (line.idNumber != null) {
                    if (!seenIdNumbers.add(line.idNumber.hash())) {
                        error(line, Columns.ID_NUMBER, "transfer.row.duplicateInFile");
                        continue;
                    }
                    line.existing = byHash.get(line.idNumber.hash());
                    if (line.existing == null) {
                        List<CitizenBulkWriter.Existing> alike = byName.getOrDefault(nameKey, List.of()).stream()
                                .filter(c -> c.idNumberHash() == null).toList();
                        if (alike.size() == 1) {
                            line.existing = alike.get(0);
                        }
                    }
                    seenNames.add(nameKey);
                } else {
                    if (!seenNames.add(nameKey)) {
                        error(line, Columns.NAME, "transfer.row.duplicateInFile");
                        continue;
                    }
                    List<CitizenBulkWriter.Existing> alike = byName.getOrDefault(nameKey, List.of());
                    if (alike.size() > 1) {
                        error(line, Columns.NAME, "transfer.row.ambiguous", alike.size());
                        continue;
                    }
                    line.existing = alike.isEmpty() ? null : alike.get(0);
                }
                if (line.existing != null) {
                    if (!path(line.existing.unitId()).startsWith(scopePath)) {
                        error(line, Columns.ID_NUMBER, "transfer.row.citizenOutOfScope");
                        continue;
                    }
                    if (!seenCitizens.add(line.existing.id())) {
                        error(line, Columns.NAME, "transfer.row.duplicateInFile");
                        continue;
                    }
                    line.citizenId = line.existing.id();
                    line.citizenAction = sameCitizen(line) ? Action.UNCHANGED : Action.UPDATE;
                } else {
                    line.citizenAction = Action.CREATE;
                }
            }
        }

        private boolean sameCitizen(Line line) {
            CitizenBulkWriter.Existing c = line.existing;
            return c.fullName().equals(line.fullName) && c.birthYear() == line.birthYear
                    && c.gender() == line.gender && c.unitId() == line.unit.id()
                    && c.targetGroup().equals(line.targetGroup)
                    && (line.idNumber == null || line.idNumber.hash().equals(c.idNumberHash()));
        }

        private static String nameKey(long unitId, String searchName, int birthYear) {
            return unitId + "|" + birthYear + "|" + searchName;
        }

        private void resolveAssessments(List<Line> lines) {
            Set<Long> citizenIds = new HashSet<>();
            Set<Integer> years = new HashSet<>();
            for (Line line : lines) {
                if (line.errors.isEmpty() && line.citizenId != null && line.year != null) {
                    citizenIds.add(line.citizenId);
                    years.add(line.year);
                }
            }
            Map<String, AssessmentBulkImport.Existing> existing = new HashMap<>();
            assessments.find(citizenIds, years).forEach(a -> existing.put(a.citizenId() + "|" + a.year(), a));
            for (Line line : lines) {
                if (!line.errors.isEmpty() || line.year == null) {
                    continue;
                }
                AssessmentBulkImport.Existing stored = line.citizenId == null ? null
                        : existing.get(line.citizenId + "|" + line.year);
                if (!line.hasScores()) {
                    line.assessmentAction = stored == null ? Action.NONE : Action.UNCHANGED;
                    continue;
                }
                CriteriaDefinition criteria;
                String group;
                if (stored != null) {
                    criteria = setsById.computeIfAbsent(stored.criteriaSetId(), catalog::definition);
                    group = stored.targetGroup();
                } else {
                    criteria = setsByYear.computeIfAbsent(line.year, catalog::definitionInForce).orElse(null);
                    group = line.targetGroup;
                    if (criteria == null) {
                        error(line, Columns.YEAR, "transfer.row.noCriteria", line.year);
                        continue;
                    }
                    if (!criteria.hasTargetGroup(group)) {
                        error(line, Columns.GROUP, "transfer.row.noForm", group, criteria.label());
                        continue;
                    }
                }
                checkScores(line, criteria);
                if (!line.errors.isEmpty()) {
                    continue;
                }
                AssessmentState target = line.verified.isEmpty() ? request.state() : AssessmentState.VERIFIED;
                if (target == AssessmentState.VERIFIED && !mayVerify) {
                    error(line, Columns.VERIFIED_PREFIX.strip(), "transfer.row.mayNotVerify");
                    continue;
                }
                if (target != AssessmentState.DRAFT && line.self.size() < criteria.indicators().size()) {
                    error(line, Columns.SELF_PREFIX.strip(), "transfer.row.selfIncomplete");
                    continue;
                }
                if (target == AssessmentState.VERIFIED && line.verified.size() < criteria.indicators().size()) {
                    error(line, Columns.VERIFIED_PREFIX.strip(), "transfer.row.verifiedIncomplete");
                    continue;
                }
                if (stored != null) {
                    boolean same = stored.selfScores().equals(line.self)
                            && (line.verified.isEmpty() || stored.verifiedScores().equals(line.verified))
                            && rank(stored.state()) >= rank(target);
                    if (same) {
                        line.assessmentAction = Action.UNCHANGED;
                        continue;
                    }
                    if (!stored.state().editableByEntry()) {
                        error(line, Columns.YEAR, "transfer.row.assessmentLocked", line.year,
                                msg("assessment.state." + stored.state().name()));
                        continue;
                    }
                    line.assessmentAction = Action.UPDATE;
                } else {
                    line.assessmentAction = Action.CREATE;
                }
                Long workplace = line.existing == null ? null : line.existing.workplaceId();
                line.assessmentRow = new AssessmentBulkImport.Row(stored == null ? null : stored.id(),
                        stored == null ? null : stored.version(), 0L, workplace, line.year, criteria, group,
                        stored == null ? line.unit.id() : stored.unitId(), target, Map.copyOf(line.self),
                        Map.copyOf(line.verified));
            }
        }

        private void checkScores(Line line, CriteriaDefinition criteria) {
            Map<String, IndicatorDefinition> known = criteria.indicatorsByCode();
            for (Map<String, Integer> scores : List.of(line.self, line.verified)) {
                String kind = scores == line.self ? "SELF" : "VERIFIED";
                for (Map.Entry<String, Integer> score : scores.entrySet()) {
                    String column = line.scoreColumns.get(kind + score.getKey());
                    IndicatorDefinition indicator = known.get(score.getKey());
                    if (indicator == null) {
                        error(line, column, "transfer.row.unknownIndicator", score.getKey(), criteria.label());
                    } else if (score.getValue() < indicator.minPoints() || score.getValue() > indicator.maxPoints()) {
                        error(line, column, "transfer.row.scoreRange", score.getValue(), indicator.minPoints(),
                                indicator.maxPoints());
                    }
                }
            }
        }

        private static int rank(AssessmentState state) {
            return switch (state) {
                case DRAFT, RETURNED -> 0;
                case SUBMITTED -> 1;
                case VERIFIED -> 2;
                case RECOGNISED, NOT_RECOGNISED -> 3;
            };
        }

        // ---- writing ------------------------------------------------------------------------------------------

        private void write(List<Line> lines) {
            List<Line> toCreate = lines.stream().filter(l -> l.citizenAction == Action.CREATE).toList();
            List<Long> ids = citizens.insert(toCreate.stream().map(l -> new CitizenBulkWriter.NewCitizen(l.fullName,
                    l.birthYear, l.gender, l.unit.id(), l.targetGroup, l.idNumber)).toList());
            for (int i = 0; i < toCreate.size(); i++) {
                toCreate.get(i).citizenId = ids.get(i);
            }
            List<Line> toUpdate = lines.stream().filter(l -> l.citizenAction == Action.UPDATE).toList();
            citizens.update(toUpdate.stream().map(l -> new CitizenBulkWriter.Change(l.existing.id(),
                    l.existing.version(), l.fullName, l.birthYear, l.gender, l.unit.id(), l.targetGroup,
                    l.idNumber)).toList());
            List<AuditBatch.Line> auditLines = new ArrayList<>();
            List<AssessmentBulkImport.Row> rowsToWrite = new ArrayList<>();
            for (Line l : lines) {
                if (l.citizenAction == Action.CREATE || l.citizenAction == Action.UPDATE) {
                    residenceUnits.add(l.unit.id());
                    if (l.existing != null) {
                        residenceUnits.add(l.existing.unitId());
                    }
                    anyCitizen = l.citizenId;
                    auditLines.add(new AuditBatch.Line(user.username(),
                            l.citizenAction == Action.CREATE ? "CITIZEN_IMPORTED" : "CITIZEN_UPDATED",
                            CITIZEN_AUDIT_TYPE, l.citizenId, l.unit.id(), "file='" + request.fileName() + "' '"
                                    + l.fullName + "' born=" + l.birthYear + " gender=" + l.gender + " unit="
                                    + l.unit.id() + " group=" + l.targetGroup + " cccd="
                                    + (l.idNumber == null ? "unchanged" : "set")));
                }
                if (l.assessmentRow != null) {
                    AssessmentBulkImport.Row r = l.assessmentRow;
                    rowsToWrite.add(new AssessmentBulkImport.Row(r.existingId(), r.existingVersion(),
                            Objects.requireNonNull(l.citizenId), r.workplaceId(), r.year(), r.criteria(),
                            r.targetGroup(), r.unitId(), r.state(), r.selfScores(), r.verifiedScores()));
                }
            }
            audit.record(auditLines);
            assessments.write(user.username(), request.fileName(), rowsToWrite);
        }

        // ---- reporting ----------------------------------------------------------------------------------------

        private void record(Line line) {
            rows++;
            RowOutcome outcome = new RowOutcome(line.row, line.name, line.citizenAction, line.assessmentAction,
                    List.copyOf(line.errors));
            if (outcome.failed()) {
                failed++;
            } else if (outcome.summaryKey().endsWith("CREATE")) {
                created++;
            } else if (outcome.summaryKey().endsWith("UPDATE")) {
                updated++;
            } else {
                unchanged++;
            }
            if (!outcome.failed()) {
                citizensCreated += line.citizenAction == Action.CREATE ? 1 : 0;
                citizensUpdated += line.citizenAction == Action.UPDATE ? 1 : 0;
                assessmentsCreated += line.assessmentAction == Action.CREATE ? 1 : 0;
                assessmentsUpdated += line.assessmentAction == Action.UPDATE ? 1 : 0;
            }
            if (shownRows.size() < properties.shownRows()) {
                shownRows.add(outcome);
            }
            for (RowError error : line.errors) {
                errorCount++;
                if (shownErrors.size() < properties.shownRows()) {
                    shownErrors.add(error);
                }
                try {
                    errors.printRecord(error.row(), error.column(), error.message());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        private void error(Line line, String column, String key, Object... args) {
            line.errors.add(new RowError(line.row, column, msg(key, args)));
        }

        /** Numbers as plain digits: a year reads 2020, not 2.020. */
        private String msg(String key, Object... args) {
            Object[] plain = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                plain[i] = args[i] instanceof Number n ? n.toString() : args[i];
            }
            return messages.getMessage(key, plain, locale);
        }

        private static Integer integer(String text) {
            String t = text.strip();
            if (t.endsWith(".0")) {
                t = t.substring(0, t.length() - 2);
            }
            try {
                return Integer.valueOf(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
