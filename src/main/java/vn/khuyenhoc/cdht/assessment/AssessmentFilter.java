package vn.khuyenhoc.cdht.assessment;

/**
 * Filters of an assessment list: a year, and optionally a state, a target group, a result and a unit whose
 * subtree the list is limited to (always inside the user's own subtree).
 */
public record AssessmentFilter(int year, AssessmentState state, String targetGroup, ResultFilter result,
        Long withinUnitId) {

    public AssessmentFilter {
        result = result == null ? ResultFilter.ALL : result;
        targetGroup = targetGroup == null || targetGroup.isBlank() ? null : targetGroup;
    }

    /** Pass or fail by the result that counts (verified once verified); PENDING: not scored completely yet. */
    public enum ResultFilter {
        ALL,
        PASSED,
        FAILED,
        PENDING
    }
}
