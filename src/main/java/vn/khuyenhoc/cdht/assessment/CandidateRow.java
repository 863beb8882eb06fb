package vn.khuyenhoc.cdht.assessment;

import java.util.Comparator;
import vn.khuyenhoc.cdht.citizen.Gender;

/**
 * One assessment as a recognition decision picks it, read in SQL: the citizen as printed and the verified result
 * stored on the row. The engine's reasons are added only for the rows a page shows.
 */
record CandidateRow(long id, long citizenId, String citizenName, int birthYear, Gender gender, long unitId,
        String unitName, int year, String targetGroup, AssessmentState state, Integer verifiedTotal,
        Boolean verifiedPassed, Boolean hasDigitalSkills, Boolean digitalProficient, long criteriaSetId,
        long version, String searchName) {

    /** The order of every list: unit name, folded name, birth year, id (as the SQL sorts them). */
    static final Comparator<CandidateRow> LIST_ORDER = Comparator.comparing(CandidateRow::unitName)
            .thenComparing(CandidateRow::searchName).thenComparingInt(CandidateRow::birthYear)
            .thenComparingLong(CandidateRow::id);

    boolean passed() {
        return Boolean.TRUE.equals(verifiedPassed);
    }
}
