package vn.khuyenhoc.cdht.citizen;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The port through which a citizen's page shows their assessments by year. The assessment module implements it
 * as a bean; until then the page uses {@link #none()}. It is called only after the page has checked that the
 * signed-in user may see the citizen.
 */
public interface CitizenAssessmentHistory {

    /** The citizen's assessments, latest year first; the current year always among them (if only to start it). */
    List<Entry> forCitizen(long citizenId);

    /**
     * The status of each of these citizens' assessment of the year, as a message key (citizens without one are
     * left out): what a search result shows beside each name. One look-up for the whole page.
     */
    default Map<Long, String> statusKeys(Collection<Long> citizenIds, int year) {
        return Map.of();
    }

    /**
     * One year's assessment as the citizen's page lists it: statusKey is a message key (e.g. the workflow
     * state), total and passed may be null while the assessment is incomplete, href opens the assessment (or the
     * page that starts it); verified says the result comes from verified scores (else it is provisional), started
     * whether the assessment exists.
     */
    record Entry(int year, String statusKey, Integer totalScore, Boolean passed, String href, boolean verified,
            boolean started) {
    }

    static CitizenAssessmentHistory none() {
        return citizenId -> List.of();
    }
}
