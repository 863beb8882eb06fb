package vn.khuyenhoc.cdht.citizen;

import java.util.List;

/**
 * The port through which a citizen's page shows their assessments by year. The assessment module implements it
 * as a bean; until then the page uses {@link #none()}. It is called only after the page has checked that the
 * signed-in user may see the citizen.
 */
public interface CitizenAssessmentHistory {

    /** The citizen's assessments, latest year first. */
    List<Entry> forCitizen(long citizenId);

    /**
     * One year's assessment as the citizen's page lists it: statusKey is a message key (e.g. the workflow
     * state), total and passed may be null while the assessment is incomplete, href opens the assessment.
     */
    record Entry(int year, String statusKey, Integer totalScore, Boolean passed, String href) {
    }

    static CitizenAssessmentHistory none() {
        return citizenId -> List.of();
    }
}
