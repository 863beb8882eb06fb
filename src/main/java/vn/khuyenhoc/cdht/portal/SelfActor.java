package vn.khuyenhoc.cdht.portal;

import vn.khuyenhoc.cdht.assessment.SelfAssessments;

/** The actor a citizen's own changes are recorded as: the same spelling as the assessment module's. */
final class SelfActor {

    private SelfActor() {
    }

    static String of(long citizenId) {
        return SelfAssessments.actor(citizenId);
    }
}
