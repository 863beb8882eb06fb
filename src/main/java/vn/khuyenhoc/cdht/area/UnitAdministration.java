package vn.khuyenhoc.cdht.area;

import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.Constraints;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.Dates;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/** Changes to the unit tree. Only admins change it; every change is audited. */
@Service
@Transactional
class UnitAdministration {

    static final String AUDIT_TYPE = "ADMIN_UNIT";

    private final AdminUnitRepository units;
    private final AreaLevelRepository levels;
    private final UnitSuccessionRepository successions;
    private final AuditLog audit;
    private final EntityManager entityManager;
    private final UnitTreeQueries tree;

    UnitAdministration(AdminUnitRepository units, AreaLevelRepository levels, UnitSuccessionRepository successions,
            AuditLog audit, EntityManager entityManager, UnitTreeQueries tree) {
        this.units = units;
        this.levels = levels;
        this.successions = successions;
        this.audit = audit;
        this.entityManager = entityManager;
        this.tree = tree;
    }

    long create(CurrentUser actor, UnitDraft draft) {
        requireAdmin(actor);
        AreaLevel level = level(draft.levelCode());
        AdminUnit parent = parentFor(draft, level);
        requireUniqueCode(draft.code(), draft.validFrom(), draft.validTo(), null);
        AdminUnit unit = new AdminUnit(draft.code().trim(), draft.name(), level, draft.validFrom());
        unit.setValidTo(draft.validTo());
        unit.setPopulation(draft.population());
        entityManager.persist(unit);
        unit.placeUnder(parent);
        audit.record(actor.username(), "UNIT_CREATED", AUDIT_TYPE, unit.getId(), unit.getId(), describe(unit), null);
        return unit.getId();
    }

    void update(CurrentUser actor, long id, UnitDraft draft, long expectedVersion) {
        requireAdmin(actor);
        AdminUnit unit = load(id);
        if (unit.getVersion() != expectedVersion) {
            throw new BusinessRuleException("error.concurrentEdit");
        }
        String before = describe(unit);
        AreaLevel level = level(draft.levelCode());
        AdminUnit parent = parentFor(draft, level);
        if (parent != null && parent.getPath().startsWith(unit.getPath())) {
            throw BusinessRuleException.onField("parentCode", "area.parent.cycle");
        }
        if (units.countByParentId(id) > 0 && !level.getCode().equals(unit.getLevel().getCode())) {
            requireChildrenBelow(unit, level);
        }
        requireUniqueCode(draft.code(), draft.validFrom(), unit.getValidTo(), id);
        unit.setCode(draft.code());
        unit.rename(draft.name());
        unit.setLevel(level);
        unit.setValidFrom(draft.validFrom());
        unit.setPopulation(draft.population());
        Long newParentId = parent == null ? null : parent.getId();
        if (!Objects.equals(newParentId, unit.getParentId())) {
            Subtree moved = new Subtree(unit.getPath());
            int oldDepth = unit.getDepth();
            unit.placeUnder(parent);
            entityManager.flush();
            tree.rebaseSubtree(moved, unit.getPath(), unit.getDepth() - oldDepth);
        }
        unit.touch();
        audit.record(actor.username(), "UNIT_UPDATED", AUDIT_TYPE, id, id, before + " -> " + describe(unit), null);
    }

    /** Ends a unit's validity. Its data stays; children still valid after that day must be retired first. */
    void retire(CurrentUser actor, long id, LocalDate lastDay, String reason) {
        requireAdmin(actor);
        AdminUnit unit = load(id);
        if (lastDay == null) {
            throw BusinessRuleException.onField("validTo", "area.retire.dateRequired");
        }
        if (lastDay.isBefore(unit.getValidFrom())) {
            throw BusinessRuleException.onField("validTo", "area.retire.beforeStart");
        }
        if (units.countChildrenValidAfter(id, lastDay) > 0) {
            throw new BusinessRuleException("area.retire.childrenValid");
        }
        unit.setValidTo(lastDay);
        unit.touch();
        audit.record(actor.username(), "UNIT_RETIRED", AUDIT_TYPE, id, id, "valid_to=" + lastDay, reason);
    }

    /** Deletes a unit entered by mistake. Anything that refers to it (children, accounts, data) forbids this. */
    void delete(CurrentUser actor, long id) {
        requireAdmin(actor);
        AdminUnit unit = load(id);
        if (units.countByParentId(id) > 0) {
            throw new BusinessRuleException("area.delete.hasData");
        }
        String description = describe(unit);
        try {
            units.delete(unit);
            units.flush();
        } catch (DataIntegrityViolationException e) {
            if (!Constraints.foreignKeyViolation(e)) {
                throw e; // not the clash this message is about: the error page
            }
            throw new BusinessRuleException("area.delete.hasData");
        }
        audit.record(actor.username(), "UNIT_DELETED", AUDIT_TYPE, id, null, description, null);
    }

    void recordSuccession(CurrentUser actor, String oldCode, String newCode, LocalDate effective, String note) {
        requireAdmin(actor);
        if (effective == null) {
            throw BusinessRuleException.onField("effectiveDate", "area.succession.dateRequired");
        }
        AdminUnit oldUnit = units.findByCode(trim(oldCode)).stream()
                .filter(u -> u.isValidOn(effective.minusDays(1)))
                .findFirst()
                .orElseThrow(() -> BusinessRuleException.onField("oldCode", "area.succession.oldUnknown", oldCode,
                        Dates.format(effective.minusDays(1))));
        AdminUnit newUnit = units.findByCode(trim(newCode)).stream()
                .filter(u -> u.isValidOn(effective))
                .findFirst()
                .orElseThrow(() -> BusinessRuleException.onField("newCode", "area.succession.newUnknown", newCode,
                        Dates.format(effective)));
        if (oldUnit.getId().equals(newUnit.getId())) {
            throw BusinessRuleException.onField("newCode", "area.succession.same");
        }
        if (successions.existsByOldUnitIdAndNewUnitId(oldUnit.getId(), newUnit.getId())) {
            throw new BusinessRuleException("area.succession.exists", oldUnit.getCode(), newUnit.getCode());
        }
        UnitSuccession row = successions.save(new UnitSuccession(oldUnit.getId(), newUnit.getId(), effective,
                note == null || note.isBlank() ? null : note.trim()));
        audit.record(actor.username(), "UNIT_SUCCESSION", AUDIT_TYPE, newUnit.getId(), newUnit.getId(),
                oldUnit.getCode() + " -> " + newUnit.getCode() + " from " + effective + " (#" + row.getId() + ")",
                note);
    }

    /** Refuses (403) a user who may not change the tree: every page that changes it asks first. */
    void requireAdmin(CurrentUser actor) {
        AreaPolicy.CHANGE_TREE.require(actor);
    }

    private AdminUnit load(long id) {
        return units.findById(id).orElseThrow(() -> new NotFoundException("unit " + id));
    }

    private AreaLevel level(String code) {
        return levels.findById(trim(code))
                .orElseThrow(() -> BusinessRuleException.onField("levelCode", "area.level.unknown", code));
    }

    /** The parent valid on the child's first day, one level above it; none only for a top-level unit. */
    private AdminUnit parentFor(UnitDraft draft, AreaLevel level) {
        String parentCode = trim(draft.parentCode());
        if (parentCode.isEmpty()) {
            return null;
        }
        AdminUnit parent = units.findByCode(parentCode).stream()
                .filter(u -> u.isValidOn(draft.validFrom()))
                .findFirst()
                .orElseThrow(() -> BusinessRuleException.onField("parentCode", "area.parent.unknown", parentCode,
                        Dates.format(draft.validFrom())));
        if (parent.getLevel().getSortOrder() >= level.getSortOrder()) {
            throw BusinessRuleException.onField("levelCode", "area.level.notBelowParent", level.getName(),
                    parent.getLevel().getName());
        }
        return parent;
    }

    private void requireChildrenBelow(AdminUnit unit, AreaLevel level) {
        boolean clash = units.findByParentIdOrderByName(unit.getId()).stream()
                .anyMatch(child -> child.getLevel().getSortOrder() <= level.getSortOrder());
        if (clash) {
            throw BusinessRuleException.onField("levelCode", "area.level.aboveChildren");
        }
    }

    /** Codes are unique among units whose validity periods overlap. */
    private void requireUniqueCode(String code, LocalDate from, LocalDate to, Long selfId) {
        boolean clash = units.findByCode(trim(code)).stream()
                .filter(u -> !u.getId().equals(selfId))
                .anyMatch(u -> (u.getValidTo() == null || !u.getValidTo().isBefore(from))
                        && (to == null || !u.getValidFrom().isAfter(to)));
        if (clash) {
            throw BusinessRuleException.onField("code", "area.code.taken", code);
        }
    }

    private static String trim(String text) {
        return text == null ? "" : text.trim();
    }

    private static String describe(AdminUnit unit) {
        return unit.getCode() + " '" + unit.getName() + "' " + unit.getLevel().getCode() + " parent="
                + unit.getParentId() + " from=" + unit.getValidFrom() + " to=" + unit.getValidTo() + " pop="
                + unit.getPopulation();
    }
}
