package vn.khuyenhoc.cdht.assessment;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Counts of the work waiting in the user's subtree for a year, for home pages: SQL aggregates driven from the
 * user's units like the lists they link to (the same filters, so a count and its list agree).
 */
@Service
@Transactional(readOnly = true)
public class AssessmentQueues {

    private final UnitScope scope;
    private final AssessmentLists lists;
    private final NamedParameterJdbcTemplate jdbc;

    AssessmentQueues(UnitScope scope, AssessmentLists lists, NamedParameterJdbcTemplate jdbc) {
        this.scope = scope;
        this.lists = lists;
        this.jdbc = jdbc;
    }

    /**
     * The year's assessments of the subtree by state (states without any left out): one index-only scan of
     * {@code assessment (unit_id, assessment_year, state)} over the subtree's units.
     */
    public Map<AssessmentState, Long> byState(CurrentUser user, int year) {
        Map<AssessmentState, Long> counts = new EnumMap<>(AssessmentState.class);
        Map<String, Object> params = new HashMap<>();
        params.put("year", year);
        jdbc.query("select a.state, count(*) as n from assessment a where a.unit_id in "
                + scope.subtree(user).unitIds("s")
                + " and a.assessment_year = :year group by a.state", params,
                rs -> {
                    counts.put(AssessmentState.valueOf(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    /**
     * Citizens living in the subtree with no assessment for the year (the count of the "not started" list): an
     * anti-join of the subtree's citizens on the unique key (citizen, year).
     */
    public long notStarted(CurrentUser user, int year) {
        return lists.notStartedCount(user, year);
    }
}
