package vn.khuyenhoc.cdht.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Subtree;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.Constraints;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;

/**
 * Targets as rows. Admins set national targets and any unit's; province officers set targets for units in their
 * subtree (a province's own, often higher, targets) and read the national ones; other roles only see targets on the
 * dashboards. Every change is audited.
 */
@Service
@Transactional
class Targets {

    static final String AUDIT_TYPE = "REPORT_TARGET";

    private final ReportTargetRepository targets;
    private final UnitScope scope;
    private final AuditLog audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final ReportVersion version;

    Targets(ReportTargetRepository targets, UnitScope scope, AuditLog audit, NamedParameterJdbcTemplate jdbc,
            ReportVersion version) {
        this.targets = targets;
        this.scope = scope;
        this.audit = audit;
        this.jdbc = jdbc;
        this.version = version;
    }

    /** Whether the role manages targets and population figures (where: its subtree). */
    static boolean mayManage(CurrentUser user) {
        return ReportPolicy.MANAGE_TARGETS.allows(user);
    }

    /** 403 unless the role manages targets and population figures. */
    static void requireManager(CurrentUser user) {
        ReportPolicy.MANAGE_TARGETS.require(user);
    }

    /** National targets and those of units in the user's subtree, by indicator, scope depth and year. */
    @Transactional(readOnly = true)
    List<TargetRow> list(CurrentUser user) {
        requireManager(user);
        Subtree within = scope.subtree(user);
        List<TargetRow> rows = new ArrayList<>(jdbc.query("""
                SELECT t.id, t.indicator, t.scope_unit_id, u.code, u.name, t.target_year, t.percentage, t.version
                FROM report_target t LEFT JOIN admin_unit u ON u.id = t.scope_unit_id
                WHERE t.scope_unit_id IS NULL OR\s""" + Subtree.below("u.path", "scopePath") + """

                ORDER BY t.indicator, COALESCE(u.depth, -1), u.name, t.target_year""",
                Map.of("scopePath", within.path()), (rs, i) -> {
                    Long scope = rs.getObject("scope_unit_id", Long.class);
                    return new TargetRow(rs.getLong("id"), Indicator.valueOf(rs.getString("indicator")), scope,
                            rs.getString("code"), rs.getString("name"), rs.getInt("target_year"),
                            rs.getBigDecimal("percentage"), rs.getLong("version"),
                            scope != null || ReportPolicy.NATIONAL_TARGETS.allows(user));
                }));
        // the SQL orders by the indicator's name; the page follows the decisions' order
        rows.sort(Comparator.comparing(TargetRow::indicator));
        return rows;
    }

    /** One target the user may change: 404 unknown, 403 national for non-admins or outside the subtree. */
    @Transactional(readOnly = true)
    TargetRow editable(CurrentUser user, long id) {
        requireManager(user);
        ReportTarget target = load(id);
        UnitSummary scope = requireScope(user, target.getScopeUnitId());
        return row(target, scope);
    }

    long create(CurrentUser user, TargetForm form) {
        requireManager(user);
        UnitSummary scope = scopeOf(user, form.getScopeCode());
        int year = requireYear(form.getYear());
        BigDecimal percentage = requirePercentage(form.getPercentage());
        requireUnique(form.getIndicator(), scope, year, -1L);
        ReportTarget target = save(new ReportTarget(form.getIndicator(), idOf(scope), year, percentage), year);
        audit.record(user.username(), "REPORT_TARGET_CREATED", AUDIT_TYPE, target.getId(), idOf(scope),
                target.describe(), null);
        version.bump(); // the dashboards show it from the next request on
        return target.getId();
    }

    void update(CurrentUser user, long id, TargetForm form) {
        requireManager(user);
        ReportTarget target = load(id);
        requireScope(user, target.getScopeUnitId());
        if (target.getVersion() != form.getVersion()) {
            throw new BusinessRuleException("error.concurrentEdit");
        }
        UnitSummary scope = scopeOf(user, form.getScopeCode());
        int year = requireYear(form.getYear());
        BigDecimal percentage = requirePercentage(form.getPercentage());
        requireUnique(form.getIndicator(), scope, year, id);
        String before = target.describe();
        target.change(form.getIndicator(), idOf(scope), year, percentage);
        save(target, year);
        audit.record(user.username(), "REPORT_TARGET_UPDATED", AUDIT_TYPE, id, idOf(scope),
                before + " -> " + target.describe(), null);
        version.bump(); // the dashboards show it from the next request on
    }

    void delete(CurrentUser user, long id) {
        requireManager(user);
        ReportTarget target = load(id);
        requireScope(user, target.getScopeUnitId());
        targets.delete(target);
        targets.flush();
        audit.record(user.username(), "REPORT_TARGET_DELETED", AUDIT_TYPE, id, target.getScopeUnitId(),
                target.describe(), null);
        version.bump(); // the dashboards show it from the next request on
    }

    /** The unit named on the form (blank: national, admins only); unknown or outside the subtree reads as unknown. */
    private UnitSummary scopeOf(CurrentUser user, String code) {
        if (code == null || code.isBlank()) {
            if (!ReportPolicy.NATIONAL_TARGETS.allows(user)) {
                throw BusinessRuleException.onField("scopeCode", "report.target.nationalAdminOnly");
            }
            return null;
        }
        return scope.visibleUnit(user, code)
                .orElseThrow(() -> BusinessRuleException.onField("scopeCode", "report.unit.unknown", code.trim()));
    }

    private UnitSummary requireScope(CurrentUser user, Long scopeUnitId) {
        if (scopeUnitId == null) {
            if (!ReportPolicy.NATIONAL_TARGETS.allows(user)) {
                throw new OutOfScopeException("national targets are the admins'");
            }
            return null;
        }
        return scope.requireVisible(user, scopeUnitId);
    }

    private void requireUnique(Indicator indicator, UnitSummary scope, int year, Long selfId) {
        boolean taken = scope == null
                ? targets.existsByIndicatorAndScopeUnitIdIsNullAndYearAndIdNot(indicator, year, selfId)
                : targets.existsByIndicatorAndScopeUnitIdAndYearAndIdNot(indicator, scope.id(), year, selfId);
        if (taken) {
            throw BusinessRuleException.onField("year", "report.target.exists", String.valueOf(year));
        }
    }

    static int requireYear(Integer year) {
        if (year == null || year < Dashboards.FIRST_YEAR || year > 2100) {
            throw BusinessRuleException.onField("year", "report.year.range");
        }
        return year;
    }

    private static BigDecimal requirePercentage(BigDecimal percentage) {
        if (percentage == null || percentage.signum() < 0 || percentage.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw BusinessRuleException.onField("percentage", "report.target.percentage.range");
        }
        return percentage.setScale(2, RoundingMode.HALF_UP);
    }

    private ReportTarget save(ReportTarget target, int year) {
        try {
            return targets.saveAndFlush(target);
        } catch (DataIntegrityViolationException e) {
            if (!Constraints.uniqueViolation(e)) {
                throw e; // not the clash this message is about: the error page
            }
            // the same target saved by someone else at the same moment
            throw BusinessRuleException.onField("year", "report.target.exists", String.valueOf(year));
        }
    }

    private ReportTarget load(long id) {
        return targets.findById(id).orElseThrow(() -> new NotFoundException("target " + id));
    }

    private static Long idOf(UnitSummary unit) {
        return unit == null ? null : unit.id();
    }

    private static TargetRow row(ReportTarget t, UnitSummary scope) {
        return new TargetRow(t.getId(), t.getIndicator(), t.getScopeUnitId(), scope == null ? null : scope.code(),
                scope == null ? null : scope.name(), t.getYear(), t.getPercentage(), t.getVersion(), true);
    }
}
