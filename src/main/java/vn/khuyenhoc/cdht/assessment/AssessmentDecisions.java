package vn.khuyenhoc.cdht.assessment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.criteria.CompetencySubtotal;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.CriteriaDefinition;
import vn.khuyenhoc.cdht.criteria.RuleFailure;
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
    private final UnitScope scope;
    private final AuditLog audit;

    AssessmentDecisions(AssessmentRepository assessments, AssessmentAccess access, AssessmentLists lists,
            CriteriaCatalog catalog, UnitScope scope, AuditLog audit) {
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
        scope.requireVisible(user, unitId);
        if (state != AssessmentState.VERIFIED && !state.decided()) {
            throw new IllegalArgumentException("no decision is taken on " + state + " assessments");
        }
        return withReasons(lists.candidateRows(user, new AssessmentFilter(year, state, null, null, unitId)));
    }

    /**
     * One page of the VERIFIED assessments of the unit's subtree and year, optionally of one target group and
     * only those that passed (true) or failed (false) on their verified scores; the engine's reasons for the page's
     * rows only. 404/403 for a unit the user may not see.
     */
    @Transactional(readOnly = true)
    public Page<DecisionCandidate> verifiedPage(CurrentUser user, long unitId, int year, String targetGroup,
            boolean passed, Pageable pageable) {
        scope.requireVisible(user, unitId);
        Page<CandidateRow> page = lists.candidatePage(user, verified(unitId, year, targetGroup, passed), pageable);
        return new PageImpl<>(withReasons(page.getContent()), pageable, page.getTotalElements());
    }

    /** How many VERIFIED assessments of the unit's subtree and year (and group) passed and failed: [passed, failed]. */
    @Transactional(readOnly = true)
    public long[] verifiedCounts(CurrentUser user, long unitId, int year, String targetGroup) {
        scope.requireVisible(user, unitId);
        Map<Boolean, Long> counts = lists.countByVerifiedResult(user,
                new AssessmentFilter(year, AssessmentState.VERIFIED, targetGroup, null, unitId));
        return new long[] {counts.getOrDefault(Boolean.TRUE, 0L), counts.getOrDefault(Boolean.FALSE, 0L)};
    }

    /**
     * Every VERIFIED assessment of the unit's subtree and year (and group) that passed, in list order, without
     * reasons (a pass has none): what "select all that pass" takes. Read in SQL, no entity loaded.
     */
    @Transactional(readOnly = true)
    public List<DecisionCandidate> passingCandidates(CurrentUser user, long unitId, int year, String targetGroup) {
        scope.requireVisible(user, unitId);
        return lists.candidateRows(user, verified(unitId, year, targetGroup, true)).stream()
                .map(row -> candidate(row, List.of())).toList();
    }

    /** The ids of the VERIFIED assessments of the unit's subtree and year (and group) that passed, or failed. */
    @Transactional(readOnly = true)
    public List<Long> verifiedIds(CurrentUser user, long unitId, int year, String targetGroup, boolean passed) {
        scope.requireVisible(user, unitId);
        return lists.candidateRows(user, verified(unitId, year, targetGroup, passed)).stream()
                .map(CandidateRow::id).toList();
    }

    /**
     * The VERIFIED assessments of the unit's subtree and year among these ids, in list order, with the engine's
     * reasons; ids that are not (any more) such assessments are left out.
     */
    @Transactional(readOnly = true)
    public List<DecisionCandidate> verifiedAmong(CurrentUser user, long unitId, int year, Collection<Long> ids) {
        scope.requireVisible(user, unitId);
        return ids.isEmpty() ? List.of() : withReasons(lists.candidateRows(user,
                new AssessmentFilter(year, AssessmentState.VERIFIED, null, null, unitId), ids));
    }

    /**
     * The current version of each of these assessments that is still VERIFIED in the unit's subtree and year, for
     * telling which picks went stale. Read in SQL, no entity loaded.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> verifiedVersions(CurrentUser user, long unitId, int year, Collection<Long> ids) {
        scope.requireVisible(user, unitId);
        Map<Long, Long> versions = new HashMap<>();
        if (!ids.isEmpty()) {
            lists.candidateRows(user, new AssessmentFilter(year, AssessmentState.VERIFIED, null, null, unitId), ids)
                    .forEach(row -> versions.put(row.id(), row.version()));
        }
        return versions;
    }

    /**
     * The competencies' subtotals of the verified scores of these assessments of the unit's subtree and year (any
     * state once verified), in form order, for lists of recognised citizens; ids without verified scores are left
     * out.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<CompetencySubtotal>> verifiedSubtotals(CurrentUser user, long unitId, int year,
            Collection<Long> ids) {
        scope.requireVisible(user, unitId);
        List<Long> inScope = ids.isEmpty() ? List.of() : lists.candidateRows(user,
                new AssessmentFilter(year, null, null, null, unitId), ids).stream().map(CandidateRow::id).toList();
        Map<Long, CriteriaDefinition> sets = new HashMap<>();
        Map<Long, List<CompetencySubtotal>> subtotals = new HashMap<>();
        for (int from = 0; from < inScope.size(); from += AssessmentLists.ID_CHUNK) {
            for (Assessment assessment : assessments.findAllById(inScope.subList(from,
                    Math.min(inScope.size(), from + AssessmentLists.ID_CHUNK)))) {
                CriteriaDefinition criteria = sets.computeIfAbsent(assessment.getCriteriaSetId(),
                        catalog::definition);
                ScoreResult verdict = Assessments.scoreOrNull(criteria, assessment, assessment.verifiedScores());
                if (verdict != null) {
                    subtotals.put(assessment.getId(), verdict.subtotals());
                }
            }
        }
        return subtotals;
    }

    private static AssessmentFilter verified(long unitId, int year, String targetGroup, boolean passed) {
        return new AssessmentFilter(year, AssessmentState.VERIFIED, targetGroup,
                passed ? AssessmentFilter.ResultFilter.PASSED : AssessmentFilter.ResultFilter.FAILED, unitId);
    }

    /** The rows with the engine's reasons on their verified scores (loads the rows' assessments and scores). */
    private List<DecisionCandidate> withReasons(List<CandidateRow> rows) {
        Map<Long, Assessment> loaded = assessments.findAllById(rows.stream().map(CandidateRow::id).toList())
                .stream().collect(Collectors.toMap(Assessment::getId, Function.identity()));
        Map<Long, CriteriaDefinition> sets = new HashMap<>();
        List<DecisionCandidate> result = new ArrayList<>();
        for (CandidateRow row : rows) {
            Assessment assessment = loaded.get(row.id());
            CriteriaDefinition criteria = sets.computeIfAbsent(row.criteriaSetId(), catalog::definition);
            ScoreResult verdict = Assessments.score(criteria, assessment, assessment.verifiedScores());
            result.add(candidate(row, verdict.failures()));
        }
        return result;
    }

    private static DecisionCandidate candidate(CandidateRow row, List<RuleFailure> failures) {
        return new DecisionCandidate(row.id(), row.citizenId(), row.citizenName(), row.birthYear(), row.gender(),
                row.unitId(), row.unitName(), row.year(), row.targetGroup(), row.state(),
                row.verifiedTotal() == null ? 0 : row.verifiedTotal(), row.passed(),
                Boolean.TRUE.equals(row.hasDigitalSkills()), Boolean.TRUE.equals(row.digitalProficient()), failures,
                row.version());
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
