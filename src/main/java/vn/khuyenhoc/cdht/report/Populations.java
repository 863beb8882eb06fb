package vn.khuyenhoc.cdht.report;

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

/**
 * Population figures per unit and year: admins anywhere, province officers in their subtree (as for targets).
 * A unit's figure is its own: a province enters the province's, a commune the commune's; nothing is summed.
 */
@Service
@Transactional
class Populations {

    static final String AUDIT_TYPE = "REPORT_POPULATION";

    private final ReportPopulationRepository populations;
    private final UnitScope scope;
    private final AuditLog audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final ReportVersion version;

    Populations(ReportPopulationRepository populations, UnitScope scope, AuditLog audit,
            NamedParameterJdbcTemplate jdbc, ReportVersion version) {
        this.populations = populations;
        this.scope = scope;
        this.audit = audit;
        this.jdbc = jdbc;
        this.version = version;
    }

    @Transactional(readOnly = true)
    List<PopulationRow> list(CurrentUser user, int year) {
        Targets.requireManager(user);
        Subtree within = scope.subtree(user);
        return jdbc.query("""
                SELECT p.id, p.unit_id, u.code, u.name, p.population_year, p.adults, p.officials,
                       p.association_members, p.association_trained, p.version
                FROM report_population p JOIN admin_unit u ON u.id = p.unit_id
                WHERE p.population_year = :year AND\s""" + Subtree.below("u.path", "scopePath") + """

                ORDER BY u.depth, u.name""", Map.of("year", year, "scopePath", within.path()),
                (rs, i) -> new PopulationRow(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("code"),
                        rs.getString("name"), rs.getInt("population_year"), new PopulationFigures(
                                rs.getObject("adults", Long.class), rs.getObject("officials", Long.class),
                                rs.getObject("association_members", Long.class),
                                rs.getObject("association_trained", Long.class)), rs.getLong("version")));
    }

    @Transactional(readOnly = true)
    PopulationRow editable(CurrentUser user, long id) {
        Targets.requireManager(user);
        ReportPopulation population = load(id);
        UnitSummary unit = scope.requireVisible(user, population.getUnitId());
        return new PopulationRow(population.getId(), unit.id(), unit.code(), unit.name(), population.getYear(),
                population.figures(), population.getVersion());
    }

    long create(CurrentUser user, PopulationForm form) {
        Targets.requireManager(user);
        UnitSummary unit = unitOf(user, form.getUnitCode());
        int year = Targets.requireYear(form.getYear());
        PopulationFigures figures = check(form.figures());
        requireUnique(unit, year, -1L);
        ReportPopulation population = new ReportPopulation(unit.id(), year);
        population.change(unit.id(), year, figures);
        save(population, year);
        audit.record(user.username(), "REPORT_POPULATION_CREATED", AUDIT_TYPE, population.getId(), unit.id(),
                population.describe(), null);
        version.bump(); // the dashboards show it from the next request on
        return population.getId();
    }

    void update(CurrentUser user, long id, PopulationForm form) {
        Targets.requireManager(user);
        ReportPopulation population = load(id);
        scope.requireVisible(user, population.getUnitId());
        if (population.getVersion() != form.getVersion()) {
            throw new BusinessRuleException("error.concurrentEdit");
        }
        UnitSummary unit = unitOf(user, form.getUnitCode());
        int year = Targets.requireYear(form.getYear());
        PopulationFigures figures = check(form.figures());
        requireUnique(unit, year, id);
        String before = population.describe();
        population.change(unit.id(), year, figures);
        save(population, year);
        audit.record(user.username(), "REPORT_POPULATION_UPDATED", AUDIT_TYPE, id, unit.id(),
                before + " -> " + population.describe(), null);
        version.bump(); // the dashboards show it from the next request on
    }

    void delete(CurrentUser user, long id) {
        Targets.requireManager(user);
        ReportPopulation population = load(id);
        scope.requireVisible(user, population.getUnitId());
        populations.delete(population);
        populations.flush();
        audit.record(user.username(), "REPORT_POPULATION_DELETED", AUDIT_TYPE, id, population.getUnitId(),
                population.describe(), null);
        version.bump(); // the dashboards show it from the next request on
    }

    private UnitSummary unitOf(CurrentUser user, String code) {
        String trimmed = code == null ? "" : code.trim();
        return scope.visibleUnit(user, trimmed)
                .orElseThrow(() -> BusinessRuleException.onField("unitCode", "report.unit.unknown", trimmed));
    }

    private static PopulationFigures check(PopulationFigures f) {
        if (f.adults() == null && f.officials() == null && f.associationMembers() == null
                && f.associationTrained() == null) {
            throw new BusinessRuleException("report.population.empty");
        }
        for (Long value : new Long[] {f.adults(), f.officials(), f.associationMembers(), f.associationTrained()}) {
            if (value != null && value < 0) {
                throw new BusinessRuleException("report.population.negative");
            }
        }
        if (f.associationTrained() != null && f.associationMembers() != null
                && f.associationTrained() > f.associationMembers()) {
            throw BusinessRuleException.onField("associationTrained", "report.population.trainedAboveMembers");
        }
        return f;
    }

    private void requireUnique(UnitSummary unit, int year, Long selfId) {
        if (populations.existsByUnitIdAndYearAndIdNot(unit.id(), year, selfId)) {
            throw BusinessRuleException.onField("year", "report.population.exists", unit.name(),
                    String.valueOf(year));
        }
    }

    private void save(ReportPopulation population, int year) {
        try {
            populations.saveAndFlush(population);
        } catch (DataIntegrityViolationException e) {
            if (!Constraints.uniqueViolation(e)) {
                throw e; // not the clash this message is about: the error page
            }
            throw BusinessRuleException.onField("year", "report.population.exists", "", String.valueOf(year));
        }
    }

    private ReportPopulation load(long id) {
        return populations.findById(id).orElseThrow(() -> new NotFoundException("population " + id));
    }
}
