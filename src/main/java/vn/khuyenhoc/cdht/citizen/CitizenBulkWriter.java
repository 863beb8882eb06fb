package vn.khuyenhoc.cdht.citizen;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.shared.SearchText;
import vn.khuyenhoc.cdht.shared.JdbcBatches;
import vn.khuyenhoc.cdht.shared.SequenceBlocks;

/**
 * Set-based access to the citizen table for bulk imports (module transfer): look-ups in batches (one array
 * parameter on PostgreSQL), inserts with COPY on PostgreSQL (JDBC batches on H2), updates with JDBC batches, with
 * the same CCCD protection as the pages (only the keyed hash and the mask are ever stored), and the field rules of
 * the form ({@link #check}, every problem of a row at once). The caller has checked the rules and the user's scope;
 * this class keeps the columns consistent (search name, the CCCD pair, version, timestamps) and tells the roll-ups
 * once per batch.
 */
@Service
public class CitizenBulkWriter {

    private static final String COLUMNS = """
            id, full_name, birth_year, gender, unit_id, target_group, id_number_hash, id_number_masked, workplace_id,
            version""";
    private static final RowMapper<Existing> EXISTING = (rs, i) -> new Existing(rs.getLong("id"),
            rs.getString("full_name"), rs.getInt("birth_year"), Gender.valueOf(rs.getString("gender")),
            rs.getLong("unit_id"), rs.getString("target_group"), rs.getString("id_number_hash"),
            rs.getString("id_number_masked"), rs.getObject("workplace_id", Long.class), rs.getLong("version"));

    private final CitizenRules rules;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final ApplicationEventPublisher events;

    CitizenBulkWriter(CitizenRules rules, JdbcTemplate jdbc, NamedParameterJdbcTemplate named,
            ApplicationEventPublisher events) {
        this.rules = rules;
        this.jdbc = jdbc;
        this.named = named;
        this.events = events;
    }

    /** A checked CCCD without its digits. */
    public record IdNumber(String hash, String masked, int birthYear) {
    }

    public record Existing(long id, String fullName, int birthYear, Gender gender, long unitId, String targetGroup,
            String idNumberHash, String idNumberMasked, Long workplaceId, long version) {

        public String searchName() {
            return SearchText.fold(fullName);
        }
    }

    /** idNumber null: none. */
    public record NewCitizen(String fullName, int birthYear, Gender gender, long unitId, String targetGroup,
            IdNumber idNumber) {
    }

    /** idNumber null: keep the stored one. */
    public record Change(long id, long version, String fullName, int birthYear, Gender gender, long unitId,
            String targetGroup, IdNumber idNumber) {
    }

    /**
     * A citizen read from a file, checked by the same field rules as the form ({@link CitizenRules}), every problem
     * collected: the name as it is stored, the CCCD without its digits (null: none given), and the problems, each
     * naming its field.
     */
    public Checked check(CitizenDraft draft) {
        CitizenRules.Checked checked = rules.check(draft);
        CitizenIdNumbers.Protected p = checked.idNumber();
        return new Checked(checked.fullName(), p == null ? null : new IdNumber(p.hash(), p.masked(), p.birthYear()),
                checked.problems());
    }

    /** What {@link #check} found. */
    public record Checked(String fullName, IdNumber idNumber, List<FieldProblem> problems) {

        public Checked {
            problems = List.copyOf(problems);
        }
    }

    @Transactional(readOnly = true)
    public List<Existing> findByIdNumberHashes(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        if (JdbcBatches.postgres(jdbc)) {
            // one array parameter: the same statement (and plan) for every chunk, whatever its size
            return jdbc.query("select " + COLUMNS + " from citizen where id_number_hash = any(?)",
                    ps -> ps.setArray(1, JdbcBatches.array(ps, "varchar", hashes)), EXISTING);
        }
        return named.query("select " + COLUMNS + " from citizen where id_number_hash in (:hashes)",
                Map.of("hashes", hashes), EXISTING);
    }

    /** Citizens living in one of the units whose folded name is one of the names (the caller matches pairs). */
    @Transactional(readOnly = true)
    public List<Existing> findByNames(Collection<Long> unitIds, Collection<String> searchNames) {
        if (unitIds.isEmpty() || searchNames.isEmpty()) {
            return List.of();
        }
        // by name only, through its index, then the units here: within an import's transaction the statistics
        // do not know the rows just inserted, and a plan through the unit index would read every resident
        Set<Long> units = Set.copyOf(unitIds);
        List<Existing> found = JdbcBatches.postgres(jdbc)
                ? jdbc.query("select " + COLUMNS + " from citizen where search_name = any(?)",
                        ps -> ps.setArray(1, JdbcBatches.array(ps, "varchar", searchNames)), EXISTING)
                : named.query("select " + COLUMNS + " from citizen where search_name in (:names)",
                        Map.of("names", searchNames), EXISTING);
        return found.stream().filter(c -> units.contains(c.unitId())).toList();
    }

    /** Inserts the citizens; returns their ids in the same order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Long> insert(List<NewCitizen> citizens) {
        if (citizens.isEmpty()) {
            return List.of();
        }
        List<Long> ids = SequenceBlocks.next(jdbc, "citizen_seq", citizens.size());
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> args = new ArrayList<>(citizens.size());
        for (int i = 0; i < citizens.size(); i++) {
            NewCitizen c = citizens.get(i);
            args.add(new Object[] {ids.get(i), c.fullName(), SearchText.fold(c.fullName()), c.birthYear(),
                    c.gender().name(), c.unitId(), c.targetGroup(), c.idNumber() == null ? null : c.idNumber().hash(),
                    c.idNumber() == null ? null : c.idNumber().masked(), 0, now, now});
        }
        JdbcBatches.insert(jdbc, "citizen", "id, full_name, search_name, birth_year, gender, unit_id, target_group, "
                + "id_number_hash, id_number_masked, version, created_at, updated_at", args);
        return ids;
    }

    /**
     * Changes the citizens; a row changed since it was read (version) fails the whole call.
     *
     * @throws org.springframework.dao.OptimisticLockingFailureException when someone saved in between
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void update(List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now());
        List<Object[]> args = new ArrayList<>(changes.size());
        for (Change c : changes) {
            String hash = c.idNumber() == null ? null : c.idNumber().hash();
            String masked = c.idNumber() == null ? null : c.idNumber().masked();
            args.add(new Object[] {c.fullName(), SearchText.fold(c.fullName()), c.birthYear(), c.gender().name(),
                    c.unitId(), c.targetGroup(), hash, masked, now, c.id(), c.version()});
        }
        int[] counts = JdbcBatches.run(jdbc, """
                update citizen set full_name = ?, search_name = ?, birth_year = ?, gender = ?, unit_id = ?,
                    target_group = ?, id_number_hash = coalesce(?, id_number_hash),
                    id_number_masked = coalesce(?, id_number_masked), version = version + 1, updated_at = ?
                where id = ? and version = ?""", args);
        for (int count : counts) {
            if (count == 0) {
                throw new OptimisticLockingFailureException("a citizen changed while the file was imported");
            }
        }
    }

    /**
     * Tells the roll-ups that citizens living (before or after) in these units were registered or changed: one
     * event for the lot, refreshed once before the import commits.
     */
    public void announce(long anyCitizenId, Set<Long> residenceUnitIds) {
        if (!residenceUnitIds.isEmpty()) {
            events.publishEvent(new CitizenChanged(anyCitizenId, residenceUnitIds, Set.of()));
        }
    }
}
