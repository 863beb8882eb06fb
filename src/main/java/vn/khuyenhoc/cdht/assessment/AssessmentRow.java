package vn.khuyenhoc.cdht.assessment;

/**
 * One line of an assessment list.
 *
 * @param passed          the verified result once verified, else the self-assessed one; null while incomplete
 * @param scoresEnteredBy who first typed self-scores, scoresChangedBy who changed them last (separation of duties)
 */
public record AssessmentRow(long id, long citizenId, String citizenName, int birthYear, long unitId, String unitName,
        int year, String targetGroup, AssessmentState state, Integer selfTotal, Integer verifiedTotal,
        Boolean passed, long version, String scoresEnteredBy, String scoresChangedBy) {

    /** Whether the user typed this assessment's self-scores (see {@link Assessment#scoresTypedBy}). */
    public boolean typedBy(String username) {
        return username != null && (username.equals(scoresEnteredBy) || username.equals(scoresChangedBy));
    }

    /** The total that counts: the verified one once there is one. */
    public Integer total() {
        return verifiedTotal != null ? verifiedTotal : selfTotal;
    }
}
