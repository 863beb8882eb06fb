package vn.khuyenhoc.cdht.area;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;

/**
 * The one door for scope: whether a unit lies within a user's scope (the subtree of their unit; everything for an
 * admin), the {@link Subtree} every query filters by, and whether the user may enter data there. Every module asks
 * here before showing or changing data that hangs on a unit.
 *
 * <p>Everyone reads inside their subtree; admins write anywhere, commune officers in their commune, verifiers in
 * their hamlet; province officers and viewers only read.
 */
@Service
@Transactional(readOnly = true)
public class UnitScope {

    /** More units than this on one form is a sign to type the code instead of picking from a list. */
    public static final int MAX_OPTIONS = 500;

    private final AdminUnitRepository units;
    private final Units reader;
    private final NamedParameterJdbcTemplate jdbc;

    UnitScope(AdminUnitRepository units, Units reader, NamedParameterJdbcTemplate jdbc) {
        this.units = units;
        this.reader = reader;
        this.jdbc = jdbc;
    }

    // ---- within the user's scope

    /** Whether the unit lies in the subtree of the ancestor (false when either does not exist). */
    public boolean isWithin(long unitId, long ancestorId) {
        AdminUnit unit = units.findById(unitId).orElse(null);
        AdminUnit ancestor = units.findById(ancestorId).orElse(null);
        return unit != null && ancestor != null && unit.getPath().startsWith(ancestor.getPath());
    }

    public boolean canSee(CurrentUser user, long unitId) {
        return user.isAdmin() || isWithin(unitId, user.unitId());
    }

    /** Refuses (403) a unit outside the user's subtree and (404) one that does not exist. */
    public UnitSummary requireVisible(CurrentUser user, long unitId) {
        AdminUnit unit = load(unitId);
        if (!canSee(user, unitId)) {
            throw new OutOfScopeException("unit " + unitId + " is outside the subtree of " + user.username());
        }
        return unit.toSummary();
    }

    /** A unit named by its code in a search filter, if the user may see it (current or most recent). */
    public Optional<UnitSummary> visibleUnit(CurrentUser user, String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return reader.findByCode(code.trim()).filter(u -> canSee(user, u.id()));
    }

    // ---- the SQL subtree

    /** The user's scope as a subtree: the whole tree for an admin, else their unit's subtree. */
    public Subtree subtree(CurrentUser user) {
        return user.isAdmin() ? Subtree.ALL : new Subtree(load(user.unitId()).getPath());
    }

    /** The subtree under a unit (404 for an unknown unit); no scope check, the caller has made it. */
    public Subtree subtreeOf(long unitId) {
        return new Subtree(load(unitId).getPath());
    }

    /** The subtrees under these units, in one query (none for no units; unknown ids are left out); no scope check. */
    public List<Subtree> subtreesOf(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return units.findByIdIn(unitIds).stream().map(unit -> new Subtree(unit.getPath())).toList();
    }

    // ---- writing (data entry)

    /** Whether the role enters data at all; where is the unit's business. */
    public boolean mayWrite(CurrentUser user) {
        return AreaPolicy.ENTER_DATA.allows(user);
    }

    public void requireWriter(CurrentUser user) {
        if (!mayWrite(user)) {
            throw new OutOfScopeException(user.username() + " (" + user.role() + ") only reads");
        }
    }

    public boolean canWrite(CurrentUser user, long unitId) {
        return mayWrite(user) && canSee(user, unitId);
    }

    /** As {@link #requireVisible}, and 403 for a role that only reads. */
    public UnitSummary requireWritable(CurrentUser user, long unitId) {
        UnitSummary unit = requireVisible(user, unitId);
        requireWriter(user);
        return unit;
    }

    /** Current units of the given levels inside the user's subtree, top-down, for a form's list. */
    public List<UnitOption> unitOptions(CurrentUser user, Set<String> levels) {
        Subtree scope = subtree(user);
        return jdbc.query("select u.id, u.code, u.name, u.level_code from admin_unit u where "
                        + Subtree.below("u.path", "scopePath") + """
                 and u.level_code in (:levels)
                  and u.valid_from <= :today and (u.valid_to is null or u.valid_to >= :today)
                order by u.depth, u.name
                limit""" + " " + MAX_OPTIONS,
                Map.of("scopePath", scope.path(), "levels", levels, "today", LocalDate.now()),
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
        UnitSummary unit = reader.findByCodeOn(trimmed, LocalDate.now())
                .filter(u -> canSee(user, u.id()))
                .orElseThrow(() -> BusinessRuleException.onField(field, "community.unit.unknown", trimmed));
        if (!levels.contains(unit.levelCode())) {
            throw BusinessRuleException.onField(field, "community.unit.wrongLevel", unit.name());
        }
        return unit;
    }

    private AdminUnit load(long id) {
        return units.findById(id).orElseThrow(() -> new NotFoundException("unit " + id));
    }
}
