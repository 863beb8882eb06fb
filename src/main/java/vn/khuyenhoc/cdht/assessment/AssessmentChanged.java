package vn.khuyenhoc.cdht.assessment;

/**
 * Published after every change of an assessment (start, scores, submit, verify, return, decision), inside the
 * changing transaction: listeners such as the roll-ups update with it, and roll back with it.
 *
 * @param scoresOnly true when the change entered self-scores and nothing else: only the scores, their notes and
 *                   the self-totals moved, while the state, the verification and its totals, the digital flags, the
 *                   channel, the unit, the target group and the year are as they were. A listener that counts none
 *                   of the former may ignore it.
 */
public record AssessmentChanged(long assessmentId, long citizenId, long unitId, int year, boolean scoresOnly) {

    static AssessmentChanged of(Assessment assessment) {
        return new AssessmentChanged(assessment.getId(), assessment.getCitizenId(), assessment.getUnitId(),
                assessment.getYear(), false);
    }

    static AssessmentChanged scoresOf(Assessment assessment) {
        return new AssessmentChanged(assessment.getId(), assessment.getCitizenId(), assessment.getUnitId(),
                assessment.getYear(), true);
    }
}
