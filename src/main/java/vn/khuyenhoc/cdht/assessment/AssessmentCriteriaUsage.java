package vn.khuyenhoc.cdht.assessment;

import java.util.Map;
import java.util.TreeMap;
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

    /** Assessments scored by the set per year (an admin's publish check: read through the set's index). */
    @Override
    public Map<Integer, Long> countsByYear(long criteriaSetId, int fromYear) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (Object[] row : assessments.countByYearForSet(criteriaSetId, fromYear)) {
            counts.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return counts;
    }
}
