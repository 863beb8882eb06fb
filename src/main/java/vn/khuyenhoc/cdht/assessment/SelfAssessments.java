package vn.khuyenhoc.cdht.assessment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.citizen.CitizenSummary;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.criteria.Channel;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.CriteriaSetSummary;
import vn.khuyenhoc.cdht.shared.ActorNames;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.Constraints;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * A citizen's own self-assessment, entered on their phone without a staff account (the portal module has proved
 * who they are). The citizen is named by id and every call reaches only that citizen's assessment of the year:
 * there is no assessment id to tamper with. The same rules as for staff apply: the set in force for the year and
 * the citizen's target group, the engine's scoring on every save, the workflow table's states (EDIT and SUBMIT
 * from DRAFT or RETURNED), optimistic versions, the audit trail and {@link AssessmentChanged} for the roll-ups.
 * The actor recorded is {@code citizen:<id>}.
 *
 * <p>The channel follows who submits: a citizen's own online submission makes the assessment
 * {@link Channel#ONLINE_SELF} (which may make its digital skills "proficient"), whoever started the form; one that
 * staff submit is {@code STAFF_PROXY}. A form staff started on the citizen's behalf may be continued by the citizen
 * while it is DRAFT or RETURNED.
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
        return ActorNames.CITIZEN_PREFIX + citizenId;
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
            throw new BusinessRuleException("assessment.start.noForm", year, set.title(),
                    workflow.groupName(citizen.targetGroup()));
        }
        Assessment assessment = new Assessment(citizenId, year, set.id(), citizen.targetGroup(),
                citizen.residenceUnitId(), Channel.ONLINE_SELF, actor(citizenId));
        Constraints.unlessClash(() -> assessments.saveAndFlush(assessment),
                () -> new BusinessRuleException("assessment.start.exists", year));
        access.created(assessment);
        audit.record(actor(citizenId), "ASSESSMENT_CREATED", Assessments.AUDIT_TYPE, assessment.getId(),
                assessment.getUnitId(), new Changes().created(year, set.id(), citizen.targetGroup(),
                        Channel.ONLINE_SELF).json(), null);
        return detail(assessment);
    }

    /** Replaces the citizen's self-scores and evidence notes (partial input kept), as staff entry does. */
    public long save(long citizenId, int year, Map<String, ScoreEntry> entries, long expectedVersion) {
        Assessment assessment = forAction(citizenId, year, WorkflowAction.EDIT, expectedVersion);
        return workflow.enterSelfScores(actor(citizenId), assessment, entries);
    }

    /**
     * DRAFT or RETURNED → SUBMITTED; every indicator must be scored. The citizen's own submission makes the
     * channel ONLINE_SELF. Verification by staff follows.
     */
    public long submit(long citizenId, int year, long expectedVersion) {
        Assessment assessment = forAction(citizenId, year, WorkflowAction.SUBMIT, expectedVersion);
        return workflow.submit(actor(citizenId), Channel.ONLINE_SELF, assessment);
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
