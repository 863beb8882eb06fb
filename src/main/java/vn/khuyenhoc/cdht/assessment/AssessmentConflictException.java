package vn.khuyenhoc.cdht.assessment;

import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/**
 * Someone else saved the assessment after this user opened it: either the version the form carried is no longer
 * the stored one, or a concurrent transaction updated the row first (Hibernate's optimistic-lock failure at
 * flush). Nothing was changed; pages show the latest stored values beside what the user typed.
 */
public class AssessmentConflictException extends BusinessRuleException {

    private final long assessmentId;

    public AssessmentConflictException(long assessmentId) {
        super("error.concurrentEdit");
        this.assessmentId = assessmentId;
    }

    public long assessmentId() {
        return assessmentId;
    }
}
