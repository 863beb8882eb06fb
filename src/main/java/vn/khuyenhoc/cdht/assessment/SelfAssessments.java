package vn.khuyenhoc.cdht.assessment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.citizen.CitizenSummary;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.criteria.Channel;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.CriteriaDefinition;
import vn.khuyenhoc.cdht.criteria.CriteriaSetSummary;
import vn.khuyenhoc.cdht.criteria.InvalidScoresException;
import vn.khuyenhoc.cdht.criteria.ScoreResult;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * A citizen's own self-assessment, entered on their phone without a staff account (the portal module has proved
 * who they are). The citizen is named by id and every call reaches only that citizen's assessment of the year:
 * there is no assessment id to tamper with. The same rules as for staff apply: the set in force for the year and
 * the citizen's target group, the engine's scoring on every save, the workflow table's states (EDIT and SUBMIT
 * from DRAFT or RETURNED), optimistic versions, the audit trail and {@link AssessmentChanged} for the roll-ups.
 * The actor recorded is {@code citizen:<id>}.
 *
 * <p>An assessment the citizen starts has the channel {@link Channel#ONLINE_SELF} (which may make its digital
 * skills "proficient"). One that staff already started on the citizen's behalf ({@code STAFF_PROXY}) is shown and
 * may be continued by the citizen while it is DRAFT or RETURNED, but keeps its channel: the channel records how the
 * assessment was started, and an entry begun by staff is not an online self-assessment.
 */
@Service
@Transactional
public class SelfAssessments {

    private static final Set<WorkflowAction> CITIZEN_ACTIONS = EnumSet.of(WorkflowAction.EDIT, WorkflowAction.SUBMIT);

    private final AssessmentRepository assessments;
    private final AssessmentAccess access;
    private final Assessments workflow;
    private final Citizens citizens;
    private final CriteriaCatalog catalog;
    private final AuditLog audit;

    SelfAssessments(AssessmentRepository assessments, AssessmentAccess access, Assessments workflow,
            Citizens citizens, CriteriaCatalog catalog, AuditLog audit) {
        this.assessments = assessments;
        this.access = access;
        this.workflow = workflow;
        this.citizens = citizens;
        this.catalog = catalog;
        this.audit = audit;
    }

    /** The actor recorded for a citizen's own changes. */
    public static String actor(long citizenId) {
        return "citizen:" + citizenId;
    }

    /** The citizen's assessment of the year, if one exists. */
    @Transactional(readOnly = true)
    public Optional<AssessmentDetail> find(long citizenId, int year) {
        return assessments.findByCitizenIdAndYear(citizenId, year).map(this::detail);
    }

    /**
     * The citizen's assessment of the year, started now as an ONLINE_SELF draft when none exists. Refused with a
     * message when no criteria set is in force for the year or it has no form for the citizen's group.
     */
    public AssessmentDetail open(long citizenId, int year) {
        Optional<Assessment> existing = assessments.findByCitizenIdAndYear(citizenId, year);
        if (existing.isPresent()) {
            return detail(existing.get());
        }
        CitizenSummary citizen = citizens.find(citizenId)
                .orElseThrow(() -> new NotFoundException("citizen " + citizenId));
        if (!Assessments.inRange(year)) {
            throw new BusinessRuleException("assessment.start.yearRange", year);
        }
        CriteriaSetSummary set = catalog.inForce(year)
                .orElseThrow(() -> new BusinessRuleException("assessment.start.noCriteria", year));
        if (!catalog.definition(set.id()).hasTargetGroup(citizen.targetGroup())) {
            throw new BusinessRuleException("assessment.start.noForm", year, set.label(),
                    workflow.groupName(citizen.targetGroup()));
        }
        Assessment assessment = new Assessment(citizenId, year, set.id(), citizen.targetGroup(),
                citizen.residenceUnitId(), Channel.ONLINE_SELF, actor(citizenId));
        try {
            assessments.saveAndFlush(assessment);
        } catch (DataIntegrityViolationException e) {
            throw new BusinessRuleException("assessment.start.exists", year);
        }
        access.created(assessment);
        audit.record(actor(citizenId), "ASSESSMENT_CREATED", Assessments.AUDIT_TYPE, assessment.getId(),
                assessment.getUnitId(), "citizen=" + citizenId + " year=" + year + " set=" + set.label()
                        + " group=" + citizen.targetGroup() + " channel=" + Channel.ONLINE_SELF + " state="
                        + assessment.getState(), null);
        return detail(assessment);
    }

    /** Replaces the citizen's self-scores and evidence notes (partial input kept), as staff entry does. */
    public long save(long citizenId, int year, Map<String, ScoreEntry> entries, long expectedVersion) {
        Assessment assessment = forAction(citizenId, year, WorkflowAction.EDIT, expectedVersion);
        CriteriaDefinition criteria = catalog.definition(assessment.getCriteriaSetId());
        Assessments.Input input = Assessments.Input.read(criteria, entries);
        if (!input.problems().isEmpty()) {
            throw new InvalidScoresException(input.problems());
        }
        ScoreResult result = input.complete(criteria) ? Assessments.score(criteria, assessment, input.scores())
                : null;
        Map<String, Integer> oldScores = assessment.selfScores();
        Map<String, String> oldNotes = Assessments.evidenceNotes(assessment, criteria);
        String before = assessment.describeTotals();
        assessment.enterSelfScores(Assessments.codes(criteria), input.scores(), input.notes(), result);
        access.flushScores(assessment);
        String changes = Assessments.changes(criteria, oldScores, input.scores(), oldNotes, input.notes(),
                "evidence");
        String after = assessment.describeTotals();
        audit.record(actor(citizenId), "ASSESSMENT_UPDATED", Assessments.AUDIT_TYPE, assessment.getId(),
                assessment.getUnitId(), (changes.isEmpty() ? "no score changed" : changes)
                        + (before.equals(after) ? "" : "; " + before + " → " + after), null);
        return assessment.getVersion();
    }

    /** DRAFT or RETURNED → SUBMITTED; every indicator must be scored. Verification by staff follows. */
    public long submit(long citizenId, int year, long expectedVersion) {
        Assessment assessment = forAction(citizenId, year, WorkflowAction.SUBMIT, expectedVersion);
        CriteriaDefinition criteria = catalog.definition(assessment.getCriteriaSetId());
        ScoreResult result = Assessments.score(criteria, assessment, assessment.selfScores());
        String before = assessment.describeTotals();
        assessment.submit(actor(citizenId), result);
        access.flush(assessment);
        audit.record(actor(citizenId), "ASSESSMENT_SUBMITTED", Assessments.AUDIT_TYPE, assessment.getId(),
                assessment.getUnitId(), before + " → " + assessment.describeTotals()
                        + Assessments.failures(result), null);
        return assessment.getVersion();
    }

    /** The running total and, once complete, the engine's verdict; changes nothing. */
    @Transactional(readOnly = true)
    public ScorePreview preview(long citizenId, int year, Map<String, Integer> scores) {
        Assessment assessment = load(citizenId, year);
        return Assessments.preview(catalog.definition(assessment.getCriteriaSetId()), assessment, scores);
    }

    private Assessment load(long citizenId, int year) {
        return assessments.findByCitizenIdAndYear(citizenId, year)
                .orElseThrow(() -> new NotFoundException("no assessment of citizen " + citizenId + " in " + year));
    }

    private Assessment forAction(long citizenId, int year, WorkflowAction action, long expectedVersion) {
        Assessment assessment = load(citizenId, year);
        if (!assessment.sameVersion(expectedVersion)) {
            throw new AssessmentConflictException(assessment.getId());
        }
        AssessmentAccess.requireState(assessment, action);
        return assessment;
    }

    private AssessmentDetail detail(Assessment assessment) {
        Set<WorkflowAction> actions = EnumSet.noneOf(WorkflowAction.class);
        for (WorkflowAction action : CITIZEN_ACTIONS) {
            if (action.allowedFrom(assessment.getState())) {
                actions.add(action);
            }
        }
        return workflow.detail(assessment, actions);
    }
}
