package vn.khuyenhoc.cdht.report;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.assessment.AssessmentChanged;
import vn.khuyenhoc.cdht.citizen.CitizenChanged;
import vn.khuyenhoc.cdht.community.CollectiveChanged;
import vn.khuyenhoc.cdht.community.CollectiveKind;
import vn.khuyenhoc.cdht.community.CollectiveStatusChanged;
import vn.khuyenhoc.cdht.report.ReportRefresh.Part;

/**
 * Listens to the changes other modules announce and refreshes the units whose rows they can move, synchronously
 * and in the publisher's transaction: a recognition shows on the next request, and a rollback takes the counts back
 * with it. Which units: see {@link ReportRefresh#unitYearSources} for where each source is counted.
 */
@Component
class ReportEvents {

    private final ReportRefresh refresh;
    private final NamedParameterJdbcTemplate jdbc;

    ReportEvents(ReportRefresh refresh, NamedParameterJdbcTemplate jdbc) {
        this.refresh = refresh;
        this.jdbc = jdbc;
    }

    /** The assessment's unit; the citizen's residence (adults numerator) and workplace's unit (officials). */
    @EventListener
    void on(AssessmentChanged event) {
        Set<Long> units = new HashSet<>(Set.of(event.unitId()));
        jdbc.query("""
                SELECT c.unit_id AS residence, k.unit_id AS workplace
                FROM citizen c LEFT JOIN collective k ON k.id = c.workplace_id
                WHERE c.id = :id""", Map.of("id", event.citizenId()), rs -> {
            units.add(rs.getLong("residence"));
            long workplace = rs.getLong("workplace");
            if (!rs.wasNull()) {
                units.add(workplace);
            }
        });
        refresh.refresh(units, event.year(), EnumSet.of(Part.UNIT_YEAR));
    }

    /** The collective's unit; for a household or clan also where its members live (adults denominator). */
    @EventListener
    void on(CollectiveStatusChanged event) {
        Set<Long> units = new HashSet<>(Set.of(event.unitId()));
        String membership = switch (event.kind()) {
            case HOUSEHOLD -> "household_id";
            case CLAN -> "clan_id";
            case COMMUNITY, LEARNING_UNIT -> null;
        };
        if (membership != null) {
            units.addAll(jdbc.queryForList("SELECT DISTINCT unit_id FROM citizen WHERE " + membership + " = :id",
                    Map.of("id", event.collectiveId()), Long.class));
        }
        refresh.refresh(units, event.year(), EnumSet.of(Part.UNIT_YEAR, Part.COLLECTIVE_YEAR));
    }

    /** A new or moved collective changes the totals of both units; a moved community or workplace, all years. */
    @EventListener
    void on(CollectiveChanged event) {
        refresh.refresh(List.of(event.previousUnitId(), event.unitId()), null, EnumSet.allOf(Part.class));
    }

    /**
     * Residence before and after (register, adults), the workplaces' units (officials) and the units of the
     * citizen's assessments (the recognised-adults count reads the birth year), all years.
     */
    @EventListener
    void on(CitizenChanged event) {
        Set<Long> units = new HashSet<>(event.residenceUnitIds());
        if (!event.collectiveIds().isEmpty()) {
            units.addAll(jdbc.queryForList(
                    "SELECT DISTINCT unit_id FROM collective WHERE id IN (:ids) AND kind = :kind",
                    Map.of("ids", event.collectiveIds(), "kind", CollectiveKind.LEARNING_UNIT.name()), Long.class));
        }
        units.addAll(jdbc.queryForList("SELECT DISTINCT unit_id FROM assessment WHERE citizen_id = :id",
                Map.of("id", event.citizenId()), Long.class));
        refresh.refresh(units, null, EnumSet.of(Part.UNIT_YEAR, Part.REGISTER));
    }
}
