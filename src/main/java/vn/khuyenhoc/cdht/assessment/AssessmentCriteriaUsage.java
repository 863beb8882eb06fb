package vn.khuyenhoc.cdht.assessment;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.criteria.CriteriaSetUsage;

/** Tells the criteria module that a set scored an assessment, so it is never deleted (the foreign key agrees). */
@Component
@Transactional(readOnly = true)
class AssessmentCriteriaUsage implements CriteriaSetUsage {

    private final AssessmentRepository assessments;

    AssessmentCriteriaUsage(AssessmentRepository assessments) {
        this.assessments = assessments;
    }

    @Override
    public boolean uses(long criteriaSetId) {
        return assessments.existsByCriteriaSetId(criteriaSetId);
    }
}
