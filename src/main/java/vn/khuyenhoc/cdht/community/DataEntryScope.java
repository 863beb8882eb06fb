package vn.khuyenhoc.cdht.community;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;
import vn.khuyenhoc.cdht.shared.Role;

/**
 * Who may enter people and collectives, and where. Everyone reads inside their unit's subtree; admins write
 * anywhere, commune officers in their commune, verifiers in their hamlet; province officers and viewers only
 * read. The citizen module applies the same rule through this class.
 */
@Service
@Transactional(readOnly = true)
public class DataEntryScope {

    /** More units than this on one form is a sign to type the code instead of picking from a list. */
    static final int MAX_OPTIONS = 500;
    private static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.COMMUNE_OFFICER, Role.VERIFIER);

    private final Units units;
    private final NamedParameterJdbcTemplate jdbc;

    DataEntryScope(Units units, NamedParameterJdbcTemplate jdbc) {
        this.units = units;
        this.jdbc = jdbc;
    }

    /** Whether the role enters data at all; where is the unit's business. */
    public boolean mayWrite(CurrentUser user) {
        return WRITERS.contains(user.role());
    }

    public void requireWriter(CurrentUser user) {
        if (!mayWrite(user)) {
            throw new OutOfScopeException(user.username() + " (" + user.role() + ") only reads");
        }
    }

    public boolean canWrite(CurrentUser user, long unitId) {
        return mayWrite(user) && units.canSee(user, unitId);
    }

    /** 404 for an unknown unit, 403 for one outside the user's subtree. */
    public UnitSummary requireReadable(CurrentUser user, long unitId) {
        return units.requireVisible(user, unitId);
    }

    /** As {@link #requireReadable}, and 403 for a role that only reads. */
    public UnitSummary requireWritable(CurrentUser user, long unitId) {
        UnitSummary unit = units.requireVisible(user, unitId);
        requireWriter(user);
        return unit;
    }

    /** The path prefix of the user's subtree, for SQL: {@code admin_unit.path like :scopePath || '%'}. */
    public String scopePath(CurrentUser user) {
        return units.scopePath(user);
    }

    /** Current units of the given levels inside the user's subtree, top-down, for a form's list. */
    public List<UnitOption> unitOptions(CurrentUser user, Set<String> levels) {
        return jdbc.query("""
                select u.id, u.code, u.name, u.level_code from admin_unit u
                where u.path like :scopePath || '%'
                  and u.level_code in (:levels)
                  and u.valid_from <= :today and (u.valid_to is null or u.valid_to >= :today)
                order by u.depth, u.name
                limit""" + " " + MAX_OPTIONS,
                Map.of("scopePath", scopePath(user), "levels", levels, "today", LocalDate.now()),
                (rs, i) -> new UnitOption(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("level_code")));
    }

    /**
     * The current unit with this code, if it lies in the user's subtree and has one of the levels; otherwise a
     * rule error on the form field. A unit outside the subtree reads as unknown, so a form never tells whether
     * another commune's code exists.
     */
    public UnitSummary attachableUnit(CurrentUser user, String code, Set<String> levels, String field) {
        String trimmed = code == null ? "" : code.trim();
        UnitSummary unit = units.findByCodeOn(trimmed, LocalDate.now())
                .filter(u -> units.canSee(user, u.id()))
                .orElseThrow(() -> BusinessRuleException.onField(field, "community.unit.unknown", trimmed));
        if (!levels.contains(unit.levelCode())) {
            throw BusinessRuleException.onField(field, "community.unit.wrongLevel", unit.name());
        }
        return unit;
    }

    /** A unit named by its code in a search filter, if the user may see it (current or most recent). */
    public Optional<UnitSummary> visibleUnit(CurrentUser user, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return units.findByCode(code.trim()).filter(u -> units.canSee(user, u.id()));
    }

    /** The materialised path of a unit, for subtree filters in SQL ({@code path like :unitPath || '%'}). */
    public String subtreePath(long unitId) {
        return jdbc.queryForObject("select path from admin_unit where id = :id", Map.of("id", unitId),
                String.class);
    }
}
