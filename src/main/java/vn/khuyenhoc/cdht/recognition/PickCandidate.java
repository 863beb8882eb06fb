package vn.khuyenhoc.cdht.recognition;

import vn.khuyenhoc.cdht.assessment.DecisionCandidate;

/**
 * A verified assessment on the picking page: whether this draft includes it, and if another decision already
 * does, which (an assessment belongs to one decision only).
 */
public record PickCandidate(DecisionCandidate candidate, boolean selected, Long otherDecisionId,
        Integer otherDecisionNumber) {

    public boolean taken() {
        return otherDecisionId != null;
    }
}
