package vn.khuyenhoc.cdht.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Lists of assessments (and of citizens still without one) in the user's subtree, in SQL. The queries are driven
 * from the user's units ({@code a.unit_id in} the subtree, literal path, see
 * {@link vn.khuyenhoc.cdht.area.Subtree}) through the index
 * {@code assessment (unit_id, assessment_year, state)}; the list columns (totals, pass) sit on the assessment row.
 * The citizen's name is joined from the citizen table for display and sorting only, and only for the units on the
 * page: the list is sorted by unit name first, so one grouped count per unit name (from the index) gives the total
 * and tells which units the page's rows come from (see {@link #search}).
 */
@Service
@Transactional(readOnly = true)
class AssessmentLists {

    /** Bulk actions work through at most this many rows per request; the report says when more are left. */
    static final int BULK_LIMIT = 1000;

    private static final String ROW_COLUMNS = """
            a.id, a.citizen_id, c.full_name, c.birth_year, a.unit_id, u.name as unit_name, a.assessment_year,
            a.target_group, a.state, a.self_total, a.verified_total,
            coalesce(a.verified_passed, a.self_passed) as passed, a.version, a.scores_entered_by,
            a.scores_changed_by""";

    private static final String FROM = """
            from assessment a join admin_unit u on u.id = a.unit_id join citizen_register c on c.id = a.citizen_id
            where""";

    private static final String ORDER = " order by u.name, c.search_name, c.birth_year, a.id";

    private static final RowMapper<AssessmentRow> ROW = (rs, i) -> new AssessmentRow(rs.getLong("id"),
            rs.getLong("citizen_id"), rs.getString("full_name"), rs.getInt("birth_year"), rs.getLong("unit_id"),
            rs.getString("unit_name"), rs.getInt("assessment_year"), rs.getString("target_group"),
            AssessmentState.valueOf(rs.getString("state")), rs.getObject("self_total", Integer.class),
            rs.getObject("verified_total", Integer.class), rs.getObject("passed", Boolean.class),
            rs.getLong("version"), rs.getString("scores_entered_by"), rs.getString("scores_changed_by"));

    private static final String CANDIDATE_COLUMNS = """
            a.id, a.citizen_id, c.full_name, c.birth_year, c.gender, a.unit_id, u.name as unit_name,
            a.assessment_year, a.target_group, a.state, a.verified_total, a.verified_passed, a.has_digital_skills,
            a.digital_proficient, a.criteria_set_id, a.version, c.search_name""";

    private static final RowMapper<CandidateRow> CANDIDATE = (rs, i) -> new CandidateRow(rs.getLong("id"),
            rs.getLong("citizen_id"), rs.getString("full_name"), rs.getInt("birth_year"),
            Gender.valueOf(rs.getString("gender")), rs.getLong("unit_id"), rs.getString("unit_name"),
            rs.getInt("assessment_year"), rs.getString("target_group"),
            AssessmentState.valueOf(rs.getString("state")), rs.getObject("verified_total", Integer.class),
            rs.getObject("verified_passed", Boolean.class), rs.getObject("has_digital_skills", Boolean.class),
            rs.getObject("digital_proficient", Boolean.class), rs.getLong("criteria_set_id"), rs.getLong("version"),
            rs.getString("search_name"));

    /** Ids per {@code in (...)} list: PgJDBC takes at most 32,767 bind parameters per statement. */
    static final int ID_CHUNK = 5000;

    private final UnitScope scope;
    private final NamedParameterJdbcTemplate jdbc;

    AssessmentLists(UnitScope scope, NamedParameterJdbcTemplate jdbc) {
        this.scope = scope;
        this.jdbc = jdbc;
    }

    /**
     * One page of the filter's rows. The rows are ordered by unit name first, so the page's rows come from a few
     * unit names only: one query counts the rows per unit name (index only, without the citizen table) - their sum
     * is the total - and the page is then read from the units with those names alone, instead of joining and
     * sorting every citizen of the subtree (14,000 per commune and year at province scale) for 20 rows.
     */
    Page<AssessmentRow> search(CurrentUser user, AssessmentFilter filter, Pageable pageable) {
        return page(user, filter, pageable, ROW_COLUMNS, ROW);
    }

    /** One page of the filter's rows as recognition decisions pick them (see {@link #search} for the paging). */
    Page<CandidateRow> candidatePage(CurrentUser user, AssessmentFilter filter, Pageable pageable) {
        return page(user, filter, pageable, CANDIDATE_COLUMNS, CANDIDATE);
    }

    /** Every row of the filter as recognition decisions pick them, in list order. */
    List<CandidateRow> candidateRows(CurrentUser user, AssessmentFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = FROM + " " + condition(user, filter, params);
        return jdbc.query("select " + CANDIDATE_COLUMNS + " " + where + ORDER, params, CANDIDATE);
    }

    /** The rows of the filter among these assessments, in list order (ids in chunks: a bind limit of the driver). */
    List<CandidateRow> candidateRows(CurrentUser user, AssessmentFilter filter, Collection<Long> ids) {
        List<CandidateRow> rows = new ArrayList<>();
        List<Long> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += ID_CHUNK) {
            Map<String, Object> params = new HashMap<>();
            String where = FROM + " " + condition(user, filter, params) + " and a.id in (:ids)";
            params.put("ids", all.subList(from, Math.min(all.size(), from + ID_CHUNK)));
            rows.addAll(jdbc.query("select " + CANDIDATE_COLUMNS + " " + where + ORDER, params, CANDIDATE));
        }
        if (all.size() > ID_CHUNK) {
            rows.sort(CandidateRow.LIST_ORDER);
        }
        return rows;
    }

    /** How many rows of the filter there are by verified result (true, false; null while not verified). */
    Map<Boolean, Long> countByVerifiedResult(CurrentUser user, AssessmentFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = "from assessment a where " + condition(user, filter, params);
        Map<Boolean, Long> counts = new HashMap<>();
        jdbc.query("select a.verified_passed, count(*) as n " + where + " group by a.verified_passed", params,
                rs -> {
                    counts.put(rs.getObject("verified_passed", Boolean.class), rs.getLong("n"));
                });
        return counts;
    }

    private <T> Page<T> page(CurrentUser user, AssessmentFilter filter, Pageable pageable, String columns,
            RowMapper<T> mapper) {
        Map<String, Object> params = new HashMap<>();
        String condition = condition(user, filter, params);
        List<Map<String, Object>> perName = jdbc.queryForList("select u.name, count(*) as n"
                + " from assessment a join admin_unit u on u.id = a.unit_id where " + condition
                + " group by u.name order by u.name", params);
        long total = 0;
        long pageStart = pageable.getOffset();
        long pageEnd = pageStart + pageable.getPageSize();
        long firstBefore = -1;
        List<String> names = new ArrayList<>();
        for (Map<String, Object> group : perName) {
            long n = ((Number) group.get("n")).longValue();
            if (total < pageEnd && total + n > pageStart) {
                names.add((String) group.get("name"));
                if (firstBefore < 0) {
                    firstBefore = total;
                }
            }
            total += n;
        }
        if (names.isEmpty()) {
            return new PageImpl<>(List.of(), pageable, total);
        }
        params.put("names", names);
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageStart - firstBefore);
        List<T> rows = jdbc.query("select " + columns + " " + FROM + " " + condition
                + " and u.name in (:names)" + ORDER + " limit :limit offset :offset", params, mapper);
        return new PageImpl<>(rows, pageable, total);
    }

    /** The rows of the filter that a submit may apply to (DRAFT and RETURNED), at most {@link #BULK_LIMIT}. */
    List<AssessmentRow> submittable(CurrentUser user, AssessmentFilter filter) {
        Set<AssessmentState> open = EnumSet.of(AssessmentState.DRAFT, AssessmentState.RETURNED);
        if (filter.state() != null && !open.contains(filter.state())) {
            return List.of();
        }
        Map<String, Object> params = new HashMap<>();
        String where = FROM + " " + condition(user, filter, params) + " and a.state in (:open)";
        params.put("open", open.stream().map(Enum::name).toList());
        params.put("limit", BULK_LIMIT);
        return jdbc.query("select " + ROW_COLUMNS + " " + where + ORDER + " limit :limit", params, ROW);
    }

    /** Every assessment of the unit's subtree (inside the user's) for the year in a state. */
    List<AssessmentRow> rowsInState(CurrentUser user, long unitId, int year, AssessmentState state) {
        Map<String, Object> params = new HashMap<>();
        String where = FROM + " " + condition(user, new AssessmentFilter(year, state, null, null, unitId), params);
        return jdbc.query("select " + ROW_COLUMNS + " " + where + ORDER, params, ROW);
    }

    /** One row, without scope: for callers that have checked the assessment itself. */
    AssessmentRow row(long id) {
        return jdbc.queryForObject("select " + ROW_COLUMNS + """
                 from assessment a join admin_unit u on u.id = a.unit_id join citizen_register c on c.id = a.citizen_id
                where a.id = :id""", Map.of("id", id), ROW);
    }

    /** Citizens living in the user's subtree (and the unit's, if given) with no assessment for the year. */
    Page<CitizenToAssess> notStarted(CurrentUser user, int year, Long withinUnitId, String targetGroup,
            Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        String where = notStartedWhere(user, year, withinUnitId, targetGroup, params);
        long total = jdbc.queryForObject("select count(*) " + where, params, Long.class);
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        List<CitizenToAssess> rows = jdbc.query("""
                select c.id, c.full_name, c.birth_year, c.target_group, u.name as unit_name
                """ + where + " order by u.name, c.search_name, c.birth_year, c.id limit :limit offset :offset",
                params, (rs, i) -> new CitizenToAssess(rs.getLong("id"), rs.getString("full_name"),
                        rs.getInt("birth_year"), rs.getString("target_group"), rs.getString("unit_name")));
        return new PageImpl<>(rows, pageable, total);
    }

    /** How many citizens the "not started" list of the user's subtree holds for the year. */
    long notStartedCount(CurrentUser user, int year) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.queryForObject("select count(*) " + notStartedWhere(user, year, null, null, params), params,
                Long.class);
    }

    private String notStartedWhere(CurrentUser user, int year, Long withinUnitId, String targetGroup,
            Map<String, Object> params) {
        StringBuilder where = new StringBuilder("""
                from citizen_register c join admin_unit u on u.id = c.unit_id
                where not exists (select 1 from assessment a
                                  where a.citizen_id = c.id and a.assessment_year = :year)""");
        where.append(" and c.unit_id in ").append(scope.subtree(user).unitIds("s"));
        params.put("year", year);
        if (withinUnitId != null) {
            where.append(" and c.unit_id in ").append(scope.subtreeOf(withinUnitId).unitIds("w"));
        }
        if (targetGroup != null && !targetGroup.isBlank()) {
            where.append(" and c.target_group = :group");
            params.put("group", targetGroup);
        }
        return where.toString();
    }

    /** The filter as a condition on {@code a} (and nothing else), for {@code where}. */
    private String condition(CurrentUser user, AssessmentFilter filter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder("a.unit_id in ")
                .append(scope.subtree(user).unitIds("s"))
                .append(" and a.assessment_year = :year");
        params.put("year", filter.year());
        if (filter.withinUnitId() != null) {
            where.append(" and a.unit_id in ").append(scope.subtreeOf(filter.withinUnitId()).unitIds("w"));
        }
        if (filter.state() != null) {
            where.append(" and a.state = :state");
            params.put("state", filter.state().name());
        }
        if (filter.targetGroup() != null) {
            where.append(" and a.target_group = :group");
            params.put("group", filter.targetGroup());
        }
        switch (filter.result()) {
            case PASSED -> where.append(" and coalesce(a.verified_passed, a.self_passed) = true");
            case FAILED -> where.append(" and coalesce(a.verified_passed, a.self_passed) = false");
            case PENDING -> where.append(" and coalesce(a.verified_passed, a.self_passed) is null");
            case ALL -> { }
        }
        return where.toString();
    }
}
