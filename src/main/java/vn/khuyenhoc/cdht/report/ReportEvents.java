package vn.khuyenhoc.cdht.report;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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
 *
 * <p>Within one transaction the units are collected and refreshed once, just before it commits: a decision that
 * recognises 500 citizens of a commune refreshes each of their hamlets once, not 500 times.
 */
@Component
class ReportEvents {

    private final ReportRefresh refresh;
    private final NamedParameterJdbcTemplate jdbc;
    private final EntityManager entityManager;

    ReportEvents(ReportRefresh refresh, NamedParameterJdbcTemplate jdbc, EntityManager entityManager) {
        this.refresh = refresh;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
    }

    /** Refreshes now outside a transaction; inside one, adds to what its commit will refresh. */
    private void schedule(Collection<Long> units, Integer year, Set<Part> parts) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            refresh.refresh(units, year, parts);
            return;
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending created = new Pending();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    // the changes were flushed before their events; flush anything written since, then count
                    entityManager.flush();
                    created.run(refresh);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ReportEvents.this);
                }
            });
            pending = created;
        }
        pending.add(units, year, parts);
    }

    /** Units to refresh, in id order (the lock order), each with the years (null: all) and tables to recompute. */
    static final class Pending {

        private final Map<Long, Map<Integer, Set<Part>>> units = new TreeMap<>();

        void add(Collection<Long> unitIds, Integer year, Set<Part> parts) {
            for (Long unit : unitIds) {
                units.computeIfAbsent(unit, u -> new HashMap<>())
                        .computeIfAbsent(year, y -> EnumSet.noneOf(Part.class)).addAll(parts);
            }
        }

        void run(ReportRefresh refresh) {
            units.forEach((unit, years) -> {
                Set<Part> allYears = years.getOrDefault(null, EnumSet.noneOf(Part.class));
                if (!allYears.isEmpty()) {
                    refresh.recompute(List.of(unit), null, allYears);
                }
                years.forEach((year, parts) -> {
                    EnumSet<Part> left = EnumSet.copyOf(parts);
                    left.removeAll(allYears);
                    if (year != null && !left.isEmpty()) {
                        refresh.recompute(List.of(unit), year, left);
                    }
                });
            });
            // once, after every unit lock of the transaction (see ReportRefresh.bumpVersion)
            if (!units.isEmpty()) {
                refresh.bumpVersion();
            }
        }
    }

    /**
     * The assessment's unit; the citizen's residence (adults numerator) and workplace's unit (officials). Nothing
     * for an entry of self-scores: no roll-up counts scores or self-totals, and everything counted stayed.
     */
    @EventListener
    void on(AssessmentChanged event) {
        if (event.scoresOnly()) {
            return;
        }
        Set<Long> units = new HashSet<>(Set.of(event.unitId()));
        jdbc.query("""
                SELECT c.unit_id AS residence, k.unit_id AS workplace
                FROM citizen_register c LEFT JOIN collective_register k ON k.id = c.workplace_id
                WHERE c.id = :id""", Map.of("id", event.citizenId()), rs -> {
            units.add(rs.getLong("residence"));
            long workplace = rs.getLong("workplace");
            if (!rs.wasNull()) {
                units.add(workplace);
            }
        });
        schedule(units, event.year(), EnumSet.of(Part.UNIT_YEAR));
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
            units.addAll(jdbc.queryForList(
                    "SELECT DISTINCT unit_id FROM citizen_register WHERE " + membership + " = :id",
                    Map.of("id", event.collectiveId()), Long.class));
        }
        schedule(units, event.year(), EnumSet.of(Part.UNIT_YEAR, Part.COLLECTIVE_YEAR));
    }

    /** A new or moved collective changes the totals of both units; a moved community or workplace, all years. */
    @EventListener
    void on(CollectiveChanged event) {
        schedule(List.of(event.previousUnitId(), event.unitId()), null, EnumSet.allOf(Part.class));
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
                    "SELECT DISTINCT unit_id FROM collective_register WHERE id IN (:ids) AND kind = :kind",
                    Map.of("ids", event.collectiveIds(), "kind", CollectiveKind.LEARNING_UNIT.name()), Long.class));
        }
        units.addAll(jdbc.queryForList("SELECT DISTINCT unit_id FROM assessment_outcome WHERE citizen_id = :id",
                Map.of("id", event.citizenId()), Long.class));
        schedule(units, null, EnumSet.of(Part.UNIT_YEAR, Part.REGISTER));
    }
}
