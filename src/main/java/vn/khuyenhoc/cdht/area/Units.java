package vn.khuyenhoc.cdht.area;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;
import vn.khuyenhoc.cdht.shared.SearchText;

/**
 * Reading the unit tree. Whether a unit lies inside a user's subtree is {@link UnitScope}'s to say.
 */
@Service
@Transactional(readOnly = true)
public class Units {

    /** How long a unit's code may be (its column): forms that name a unit by its code hold the field to this. */
    public static final int CODE_LENGTH = AdminUnit.CODE_LENGTH;

    private final AdminUnitRepository units;
    private final AreaLevelRepository levels;
    private final UnitSuccessionRepository successions;
    private final UnitTreeQueries tree;

    Units(AdminUnitRepository units, AreaLevelRepository levels, UnitSuccessionRepository successions,
            UnitTreeQueries tree) {
        this.units = units;
        this.levels = levels;
        this.successions = successions;
        this.tree = tree;
    }

    public UnitSummary get(long id) {
        return load(id).toSummary();
    }

    public Optional<UnitSummary> find(long id) {
        return units.findById(id).map(AdminUnit::toSummary);
    }

    /** The unit with this code that is valid on the given day, if any. */
    public Optional<UnitSummary> findByCodeOn(String code, LocalDate day) {
        return units.findByCode(code == null ? "" : code.trim()).stream()
                .filter(u -> u.isValidOn(day))
                .findFirst()
                .map(AdminUnit::toSummary);
    }

    /** The unit with this code: the current one, else the most recently valid one. */
    public Optional<UnitSummary> findByCode(String code) {
        List<AdminUnit> found = units.findByCode(code == null ? "" : code.trim());
        return found.stream().filter(AdminUnit::isCurrent).findFirst()
                .or(() -> found.stream().max((a, b) -> a.getValidFrom().compareTo(b.getValidFrom())))
                .map(AdminUnit::toSummary);
    }

    /** The root units a user starts browsing from: the whole forest for an admin, else their own unit. */
    public List<UnitSummary> roots(CurrentUser user) {
        if (user.isAdmin()) {
            return units.findByParentIdIsNullOrderByName().stream().map(AdminUnit::toSummary).toList();
        }
        return List.of(get(user.unitId()));
    }

    public List<UnitSummary> children(long unitId, boolean includeRetired) {
        LocalDate today = LocalDate.now();
        return units.findByParentIdOrderByName(unitId).stream()
                .filter(u -> includeRetired || u.getValidTo() == null || !u.getValidTo().isBefore(today))
                .map(AdminUnit::toSummary)
                .toList();
    }

    /** Ancestors from the top of what the user may see down to the unit itself. */
    public List<UnitSummary> breadcrumbs(CurrentUser user, long unitId) {
        List<UnitSummary> chain = new ArrayList<>();
        AdminUnit current = load(unitId);
        while (current != null) {
            chain.add(current.toSummary());
            if (!user.isAdmin() && current.getId() == user.unitId()) {
                break;
            }
            current = current.getParentId() == null ? null : units.findById(current.getParentId()).orElse(null);
        }
        Collections.reverse(chain);
        return chain;
    }

    /** Units in the subtree whose folded name contains the query ({@link UnitScope#subtree} bounds a user's). */
    public Page<UnitSummary> search(Subtree within, String query, boolean includeRetired, Pageable pageable) {
        return tree.search(within, SearchText.containsPattern(query), includeRetired, LocalDate.now(), pageable)
                .map(AdminUnit::toSummary);
    }

    public List<LevelOption> levels() {
        return levels.findAllByOrderBySortOrder().stream()
                .map(l -> new LevelOption(l.getCode(), l.getName(), l.getSortOrder()))
                .toList();
    }

    public List<SuccessionLink> predecessors(long unitId) {
        return successions.findByNewUnitIdOrderByEffectiveDate(unitId).stream()
                .map(s -> new SuccessionLink(get(s.getOldUnitId()), s.getEffectiveDate(), s.getNote()))
                .toList();
    }

    public List<SuccessionLink> successors(long unitId) {
        return successions.findByOldUnitIdOrderByEffectiveDate(unitId).stream()
                .map(s -> new SuccessionLink(get(s.getNewUnitId()), s.getEffectiveDate(), s.getNote()))
                .toList();
    }

    private AdminUnit load(long id) {
        return units.findById(id).orElseThrow(() -> new NotFoundException("unit " + id));
    }

    public record LevelOption(String code, String name, int sortOrder) {
    }

    /** The other end of a succession row, seen from one unit. */
    public record SuccessionLink(UnitSummary unit, LocalDate effectiveDate, String note) {
    }
}
