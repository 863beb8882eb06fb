package vn.khuyenhoc.cdht.assessment;

/**
 * Published after every change of an assessment (start, scores, submit, verify, return, decision), inside the
 * changing transaction: listeners such as the roll-ups update with it, and roll back with it.
 */
public record AssessmentChanged(long assessmentId, long citizenId, long unitId, int year) {

    static AssessmentChanged of(Assessment assessment) {
        return new AssessmentChanged(assessment.getId(), assessment.getCitizenId(), assessment.getUnitId(),
                assessment.getYear());
    }
}
