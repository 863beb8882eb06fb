package vn.khuyenhoc.cdht.assessment;

/**
 * One line of an assessment list.
 *
 * @param passed the verified result once verified, else the self-assessed one; null while incomplete
 */
public record AssessmentRow(long id, long citizenId, String citizenName, int birthYear, String unitName, int year,
        String targetGroup, AssessmentState state, Integer selfTotal, Integer verifiedTotal, Boolean passed,
        long version) {

    /** The total that counts: the verified one once there is one. */
    public Integer total() {
        return verifiedTotal != null ? verifiedTotal : selfTotal;
    }
}
