package vn.khuyenhoc.cdht.criteria;

import java.util.Map;

/**
 * What retiring a published set means, shown before the admin confirms: the years it covers (no set is in force for
 * them afterwards, unless another is published) and the assessments it scored per year (they keep it).
 */
record RetirePreview(CriteriaSetSummary set, Map<Integer, Long> scoredByYear) {

    public long scored() {
        return scoredByYear.values().stream().mapToLong(Long::longValue).sum();
    }
}
