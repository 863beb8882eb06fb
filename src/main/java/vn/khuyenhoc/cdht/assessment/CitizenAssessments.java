package vn.khuyenhoc.cdht.assessment;

import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.citizen.CitizenAssessmentHistory;

/**
 * The citizen page's list of assessments by year. When a citizen already has assessments but none for the current
 * year, the list starts with that year as "not started", linking to the page that starts it; a citizen without
 * any assessment shows the page's own empty text (and is started from the "not yet assessed" list).
 */
@Component
@Transactional(readOnly = true)
class CitizenAssessments implements CitizenAssessmentHistory {

    static final String NOT_STARTED = "assessment.state.NONE";

    private final AssessmentRepository assessments;

    CitizenAssessments(AssessmentRepository assessments) {
        this.assessments = assessments;
    }

    @Override
    public List<Entry> forCitizen(long citizenId) {
        List<Entry> entries = new ArrayList<>();
        int thisYear = Year.now().getValue();
        List<Assessment> found = assessments.findByCitizenIdOrderByYearDesc(citizenId);
        if (!found.isEmpty() && found.stream().noneMatch(a -> a.getYear() == thisYear)) {
            entries.add(new Entry(thisYear, NOT_STARTED, null, null,
                    "/assessments/new?citizen=" + citizenId + "&year=" + thisYear));
        }
        for (Assessment a : found) {
            boolean verified = a.getVerifiedTotal() != null;
            entries.add(new Entry(a.getYear(), "assessment.state." + a.getState().name(),
                    verified ? a.getVerifiedTotal() : a.getSelfTotal(),
                    verified ? a.getVerifiedPassed() : a.getSelfPassed(), "/assessments/" + a.getId()));
        }
        return entries;
    }
}
