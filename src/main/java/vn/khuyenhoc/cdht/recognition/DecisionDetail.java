package vn.khuyenhoc.cdht.recognition;

import java.util.List;
import java.util.Set;

/**
 * A decision with its citizens.
 *
 * @param staleAssessmentIds for a draft: included assessments that changed (or left VERIFIED) since they were
 *                           picked; issuing would be refused until the selection is saved again
 * @param mayDecide          the signed-in user may change the draft, issue it, or revoke its recognitions
 */
public record DecisionDetail(DecisionSummary decision, List<DecisionItem> items, Set<Long> staleAssessmentIds,
        boolean mayDecide) {

    public DecisionDetail {
        items = List.copyOf(items);
        staleAssessmentIds = Set.copyOf(staleAssessmentIds);
    }

    public List<DecisionItem> recognised() {
        return items.stream().filter(DecisionItem::recognised).toList();
    }

    public List<DecisionItem> notRecognised() {
        return items.stream().filter(i -> !i.recognised()).toList();
    }

    /** Recognised and not revoked: those who get a certificate and appear on the public list. */
    public List<DecisionItem> titleHolders() {
        return items.stream().filter(DecisionItem::holdsTitle).toList();
    }

    public long revokedCount() {
        return items.stream().filter(DecisionItem::revoked).count();
    }

    public boolean stale(DecisionItem item) {
        return staleAssessmentIds.contains(item.assessmentId());
    }
}
