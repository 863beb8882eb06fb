package vn.khuyenhoc.cdht.recognition;

import java.util.List;
import org.springframework.data.domain.Page;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.criteria.TargetGroupOption;

/**
 * One page of the pick list with what the page shows around it.
 *
 * @param passing          VERIFIED assessments matching the filter (hamlet, group) that passed
 * @param failing          those that failed, listed apart
 * @param selected         the whole draft's selection, whatever the filter
 * @param selectedFailing  how many of the selection failed (they will be "không công nhận")
 */
record PickPage(DecisionSummary decision, PickFilter filter, Page<PickCandidate> rows, long passing, long failing,
        long selected, long selectedFailing, List<UnitSummary> hamlets, List<TargetGroupOption> groups) {

    public long selectedPassing() {
        return selected - selectedFailing;
    }
}
