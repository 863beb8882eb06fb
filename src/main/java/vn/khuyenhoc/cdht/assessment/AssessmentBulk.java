package vn.khuyenhoc.cdht.assessment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.criteria.InvalidScoresException;
import vn.khuyenhoc.cdht.criteria.ScoreProblem;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Bulk actions of the assessment lists. Each row goes through the same service call as a single page would, in
 * its own transaction, so one refused row neither stops nor undoes the others; the report says row by row.
 */
@Service
class AssessmentBulk {

    private final Assessments assessments;
    private final AssessmentLists lists;
    private final UnitScope scope;

    AssessmentBulk(Assessments assessments, AssessmentLists lists, UnitScope scope) {
        this.assessments = assessments;
        this.lists = lists;
        this.scope = scope;
    }

    /** Submits every DRAFT or RETURNED assessment of the filter; incomplete ones stay, with what is missing. */
    BulkReport submitAllComplete(CurrentUser user, AssessmentFilter filter) {
        scope.requireWriter(user);
        AssessmentAccess.requireRole(user, WorkflowAction.SUBMIT);
        List<AssessmentRow> rows = lists.submittable(user, filter);
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (AssessmentRow row : rows) {
            outcomes.add(attempt(row.id(), row.citizenName(), () -> assessments.submit(user, row.id(),
                    row.version())));
        }
        return new BulkReport("assessment.bulk.submit", outcomes, rows.size() >= AssessmentLists.BULK_LIMIT);
    }

    /**
     * Verifies the selected assessments taking the self-scores as the verified scores, so no score differs and
     * no note is needed. An id outside the user's reach refuses the whole request before anything changes.
     */
    BulkReport verifySelected(CurrentUser user, List<Long> ids) {
        scope.requireWriter(user);
        AssessmentAccess.requireRole(user, WorkflowAction.VERIFY);
        Map<Long, AssessmentDetail> selected = new LinkedHashMap<>();
        for (Long id : new LinkedHashSet<>(ids == null ? List.<Long>of() : ids)) {
            selected.put(id, assessments.get(user, Objects.requireNonNull(id)));
        }
        List<BulkOutcome> outcomes = new ArrayList<>();
        for (AssessmentDetail detail : selected.values()) {
            Map<String, ScoreEntry> asSelfScored = new LinkedHashMap<>();
            detail.lines().forEach(line -> asSelfScored.put(line.code(), new ScoreEntry(line.selfScore(), null)));
            outcomes.add(attempt(detail.id(), detail.citizenName(),
                    () -> assessments.verify(user, detail.id(), asSelfScored, detail.version())));
        }
        return new BulkReport("assessment.bulk.verify", outcomes, false);
    }

    private static BulkOutcome attempt(long id, String citizenName, Runnable action) {
        try {
            action.run();
            return BulkOutcome.done(id, citizenName);
        } catch (InvalidScoresException e) {
            List<String> codes = e.problems().stream().map(ScoreProblem::indicatorCode).filter(Objects::nonNull)
                    .distinct().toList();
            return BulkOutcome.refused(id, citizenName, "assessment.bulk.incomplete", String.join(", ", codes));
        } catch (BusinessRuleException e) {
            return BulkOutcome.refused(id, citizenName, e.messageKey(), e.arguments());
        }
    }
}
