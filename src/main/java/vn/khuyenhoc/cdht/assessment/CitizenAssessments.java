package vn.khuyenhoc.cdht.assessment;

import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.citizen.CitizenAssessmentHistory;

/**
 * The citizen page's list of assessments by year. When a citizen has none for the current year, the list starts
 * with that year as "not started", linking to the page that starts it, so that every citizen's page starts or
 * continues the year's form. Search results ask for the year's status of a page of citizens in one query.
 */
@Component
@Transactional(readOnly = true)
class CitizenAssessments implements CitizenAssessmentHistory {

    static final String NOT_STARTED = "assessment.state.NONE";

    private final AssessmentRepository assessments;
    private final NamedParameterJdbcTemplate jdbc;

    CitizenAssessments(AssessmentRepository assessments, NamedParameterJdbcTemplate jdbc) {
        this.assessments = assessments;
        this.jdbc = jdbc;
    }

    @Override
    public List<Entry> forCitizen(long citizenId) {
        List<Entry> entries = new ArrayList<>();
        int thisYear = Year.now().getValue();
        List<Assessment> found = assessments.findByCitizenIdOrderByYearDesc(citizenId);
        if (found.stream().noneMatch(a -> a.getYear() == thisYear)) {
            entries.add(new Entry(thisYear, NOT_STARTED, null, null,
                    "/assessments/new?citizen=" + citizenId + "&year=" + thisYear, false, false));
        }
        for (Assessment a : found) {
            boolean verified = a.getVerifiedTotal() != null;
            entries.add(new Entry(a.getYear(), "assessment.state." + a.getState().name(),
                    verified ? a.getVerifiedTotal() : a.getSelfTotal(),
                    verified ? a.getVerifiedPassed() : a.getSelfPassed(), "/assessments/" + a.getId(), verified,
                    true));
        }
        return entries;
    }

    /** Through the unique key (citizen, year): one index probe per citizen of the page. */
    @Override
    public Map<Long, String> statusKeys(Collection<Long> citizenIds, int year) {
        Map<Long, String> keys = new HashMap<>();
        if (citizenIds.isEmpty()) {
            return keys;
        }
        jdbc.query("select citizen_id, state from assessment where citizen_id in (:ids) and assessment_year = :year",
                Map.of("ids", List.copyOf(citizenIds), "year", year),
                rs -> {
                    keys.put(rs.getLong("citizen_id"), "assessment.state." + rs.getString("state"));
                });
        return keys;
    }
}
