package vn.khuyenhoc.cdht.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.community.DataEntryScope;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.CriteriaDefinition;
import vn.khuyenhoc.cdht.criteria.ScoreResult;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * The assessment module's API for recognition decisions (the next issue's module): the assessments of a unit and
 * year waiting for (or given) a decision with the engine's verdict, and the decision itself, checked and audited
 * like every other transition.
 */
@Service
@Transactional
public class AssessmentDecisions {

    private final AssessmentRepository assessments;
    private final AssessmentAccess access;
    private final AssessmentLists lists;
    private final CriteriaCatalog catalog;
    private final DataEntryScope scope;
    private final AuditLog audit;

    AssessmentDecisions(AssessmentRepository assessments, AssessmentAccess access, AssessmentLists lists,
            CriteriaCatalog catalog, DataEntryScope scope, AuditLog audit) {
        this.assessments = assessments;
        this.access = access;
        this.lists = lists;
        this.catalog = catalog;
        this.scope = scope;
        this.audit = audit;
    }

    /**
     * The assessments of the unit's subtree (a commune, or one hamlet) for the year in the given state, by hamlet
     * and name, each with the engine's verdict on its verified scores: VERIFIED are those waiting for a decision,
     * RECOGNISED those a revocation may touch. 404/403 for a unit the user may not see.
     */
    @Transactional(readOnly = true)
    public List<DecisionCandidate> candidates(CurrentUser user, long unitId, int year, AssessmentState state) {
        scope.requireReadable(user, unitId);
        if (state != AssessmentState.VERIFIED && !state.decided()) {
            throw new IllegalArgumentException("no decision is taken on " + state + " assessments");
        }
        List<AssessmentRow> rows = lists.rowsInState(user, unitId, year, state);
        Map<Long, Assessment> loaded = assessments.findAllById(rows.stream().map(AssessmentRow::id).toList())
                .stream().collect(Collectors.toMap(Assessment::getId, Function.identity()));
        Map<Long, CriteriaDefinition> sets = new HashMap<>();
        List<DecisionCandidate> result = new ArrayList<>();
        for (AssessmentRow row : rows) {
            Assessment assessment = loaded.get(row.id());
            CriteriaDefinition criteria = sets.computeIfAbsent(assessment.getCriteriaSetId(), catalog::definition);
            ScoreResult verdict = Assessments.score(criteria, assessment, assessment.verifiedScores());
            result.add(new DecisionCandidate(row.id(), row.citizenId(), row.citizenName(), row.birthYear(),
                    assessment.getUnitId(), row.unitName(), row.year(), row.targetGroup(), assessment.getState(),
                    assessment.getVerifiedTotal(), assessment.getVerifiedPassed(), assessment.getHasDigitalSkills(),
                    assessment.getDigitalProficient(), verdict.failures(), assessment.getVersion()));
        }
        return result;
    }

    /**
     * Applies a recognition decision to one assessment: RECOGNISE (VERIFIED and passed → RECOGNISED),
     * NOT_RECOGNISE (VERIFIED → NOT_RECOGNISED), REVOKE (RECOGNISED → NOT_RECOGNISED, reason required). Admins
     * and commune officers only, in their subtree; a stale version is an {@link AssessmentConflictException}, a
     * wrong state or a missing reason a {@link BusinessRuleException}.
     *
     * @param reason    why (required to revoke; recorded in the audit trail)
     * @param reference the decision's number and date as the recognition module names it, for the audit trail
     * @return the assessment's new version
     */
    public long applyDecision(CurrentUser user, long assessmentId, Decision decision, String reason, String reference,
            long expectedVersion) {
        WorkflowAction action = decision.action();
        Assessment assessment = access.forAction(user, assessmentId, action, expectedVersion);
        String why = action.reasonRequired() ? Assessments.requireReason(reason)
                : reason == null || reason.isBlank() ? null : reason.trim();
        if (decision == Decision.RECOGNISE && !Boolean.TRUE.equals(assessment.getVerifiedPassed())) {
            throw new BusinessRuleException("assessment.decision.notPassed");
        }
        Changes.Snapshot before = Changes.Snapshot.of(assessment);
        assessment.decide(action.target(before.state()));
        access.flush(assessment);
        String auditAction = switch (decision) {
            case RECOGNISE -> "ASSESSMENT_RECOGNISED";
            case NOT_RECOGNISE -> "ASSESSMENT_NOT_RECOGNISED";
            case REVOKE -> "ASSESSMENT_REVOKED";
        };
        Changes changes = new Changes().transition(before, Changes.Snapshot.of(assessment));
        if (reference != null && !reference.isBlank()) {
            changes.add("decision", reference.trim());
        }
        audit.record(user.username(), auditAction, Assessments.AUDIT_TYPE, assessmentId, assessment.getUnitId(),
                changes.json(), why);
        return assessment.getVersion();
    }
}
