package vn.khuyenhoc.cdht.assessment;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.area.Subtree;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.criteria.Channel;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;

/**
 * The checks every assessment call makes, in one order: the record exists (404), lies in the user's subtree
 * (403), the role may take the action (403), the form's version is the stored one (conflict), the state allows
 * the action (a rule), and separation of duties: whoever typed the self-scores (first entered them or changed them
 * last) does not verify them, where the province keeps that rule ({@link WorkflowSettings}; on by default). Scope
 * follows the assessment's own unit: the citizen's residence when it was started. Pages, bulk actions, the portal
 * and the import ({@link ImportRowCheck}) ask these same rules. Runs inside the callers' transactions.
 *
 * <p>Consent: while a citizen has withdrawn their portal consent ({@link SelfAssessmentConsent}, the portal's), an
 * assessment whose self-scores they typed on the portal is not processed further: staff may not submit it for
 * them or verify it ({@value #CONSENT_WITHDRAWN}); they may read it and return it.
 */
@Component
class AssessmentAccess {

    static final String OWN_ENTRY = "assessment.verify.ownEntry";
    static final String CONSENT_WITHDRAWN = "assessment.consent.withdrawn";

    private final AssessmentRepository assessments;
    private final UnitScope scope;
    private final WorkflowSettings settings;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SelfAssessmentConsent> consent;

    AssessmentAccess(AssessmentRepository assessments, UnitScope scope, WorkflowSettings settings,
            ApplicationEventPublisher events, ObjectProvider<SelfAssessmentConsent> consent) {
        this.consent = consent;
        this.assessments = assessments;
        this.scope = scope;
        this.settings = settings;
        this.events = events;
    }

    Assessment load(long id) {
        return assessments.findById(id).orElseThrow(() -> new NotFoundException("assessment " + id));
    }

    Assessment readable(CurrentUser user, long id) {
        Assessment assessment = load(id);
        scope.requireVisible(user, assessment.getUnitId());
        return assessment;
    }

    /** Scope and role only: for previews, which change nothing and so need no version or state. */
    Assessment writable(CurrentUser user, long id, WorkflowAction action) {
        Assessment assessment = load(id);
        scope.requireWritable(user, assessment.getUnitId());
        requireRole(user, action);
        return assessment;
    }

    /** Everything a change needs: scope, role, the version the user saw, and a state the action starts from. */
    Assessment forAction(CurrentUser user, long id, WorkflowAction action, long expectedVersion) {
        Assessment assessment = writable(user, id, action);
        if (!assessment.sameVersion(expectedVersion)) {
            throw new AssessmentConflictException(id);
        }
        requireAllowedNow(user, assessment, action);
        return assessment;
    }

    /** The rules that depend on the assessment as it stands: its state, and who typed its scores. */
    void requireAllowedNow(CurrentUser user, Assessment assessment, WorkflowAction action) {
        requireState(assessment, action);
        if (action == WorkflowAction.VERIFY && ownEntry(user, assessment)) {
            throw new BusinessRuleException(OWN_ENTRY);
        }
        if (frozenByConsent(action) && consentWithdrawn(assessment)) {
            throw new BusinessRuleException(CONSENT_WITHDRAWN);
        }
    }

    /** The moves that would process a portal self-assessment further (returning it and reading it do not). */
    private static boolean frozenByConsent(WorkflowAction action) {
        return action == WorkflowAction.VERIFY || action == WorkflowAction.SUBMIT;
    }

    /** The citizen typed the self-scores on the portal and has since withdrawn their consent. */
    boolean consentWithdrawn(Assessment assessment) {
        long citizen = assessment.getCitizenId();
        boolean portal = assessment.getChannel() == Channel.ONLINE_SELF
                || assessment.scoresTypedBy(SelfAssessments.actor(citizen));
        return portal && consentWithdrawnAt(citizen).isPresent();
    }

    /** When the citizen withdrew their portal consent, if that is their latest word (for staff pages). */
    Optional<Instant> consentWithdrawnAt(long citizenId) {
        return consent.getIfAvailable(SelfAssessmentConsent::none).withdrawnAt(citizenId);
    }

    /** Separation of duties: the user typed the self-scores and the province keeps the rule. */
    boolean ownEntry(CurrentUser user, Assessment assessment) {
        return assessment.scoresTypedBy(user.username()) && settings.separationApplies(assessment.getUnitId());
    }

    /**
     * Of these list rows, the ones the user may verify now: SUBMITTED, a role that verifies, and not typed by the
     * user where the rule applies. One query for the provinces without the rule (and one for their subtrees when
     * there are any), one per unit the user typed in.
     */
    Set<Long> verifiable(CurrentUser user, List<AssessmentRow> rows) {
        Set<Long> ids = new HashSet<>();
        if (!WorkflowAction.VERIFY.allowedFor(user.role()) || !scope.mayWrite(user)) {
            return ids;
        }
        List<Subtree> without = null;
        Map<Long, Boolean> applies = new HashMap<>();
        // a citizen who withdrew consent is not offered for bulk verification (verify() says why for one)
        Set<Long> withdrawn = consent.getIfAvailable(SelfAssessmentConsent::none).withdrawnAmong(rows.stream()
                .filter(row -> WorkflowAction.VERIFY.allowedFrom(row.state())).map(AssessmentRow::citizenId)
                .collect(java.util.stream.Collectors.toSet()));
        for (AssessmentRow row : rows) {
            if (!WorkflowAction.VERIFY.allowedFrom(row.state()) || withdrawn.contains(row.citizenId())) {
                continue;
            }
            if (row.typedBy(user.username())) {
                if (without == null) {
                    without = settings.provincesWithoutSeparation();
                }
                List<Subtree> off = without;
                if (applies.computeIfAbsent(row.unitId(),
                        unit -> WorkflowSettings.separationApplies(scope.subtreeOf(unit).path(), off))) {
                    continue;
                }
            }
            ids.add(row.id());
        }
        return ids;
    }

    static void requireRole(CurrentUser user, WorkflowAction action) {
        if (!action.allowedFor(user.role())) {
            throw new OutOfScopeException(user.username() + " (" + user.role() + ") may not " + action);
        }
    }

    static void requireState(Assessment assessment, WorkflowAction action) {
        if (!action.allowedFrom(assessment.getState())) {
            throw new BusinessRuleException("assessment.action.wrongState",
                    new DefaultMessageSourceResolvable("assessment.action." + action.name()),
                    new DefaultMessageSourceResolvable("assessment.state." + assessment.getState().name()));
        }
    }

    /** What the user may do with the assessment now; empty for readers and outside their reach. */
    Set<WorkflowAction> actionsFor(CurrentUser user, Assessment assessment) {
        Set<WorkflowAction> actions = EnumSet.noneOf(WorkflowAction.class);
        if (!scope.canWrite(user, assessment.getUnitId())) {
            return actions;
        }
        for (WorkflowAction action : WorkflowAction.values()) {
            if (action.allowedFor(user.role()) && action.allowedFrom(assessment.getState())) {
                actions.add(action);
            }
        }
        if (actions.contains(WorkflowAction.VERIFY) && ownEntry(user, assessment)) {
            actions.remove(WorkflowAction.VERIFY);
        }
        if ((actions.contains(WorkflowAction.VERIFY) || actions.contains(WorkflowAction.SUBMIT))
                && consentWithdrawn(assessment)) {
            actions.remove(WorkflowAction.VERIFY);
            actions.remove(WorkflowAction.SUBMIT);
        }
        return actions;
    }

    /**
     * Writes now, so that a concurrent update that committed first fails here, inside the service, as the same
     * conflict a stale form gets (PostgreSQL makes the second UPDATE wait, then it matches no row). Then tells
     * the listeners (roll-ups), in the same transaction.
     */
    void flush(Assessment assessment) {
        write(assessment);
        events.publishEvent(AssessmentChanged.of(assessment));
    }

    /**
     * As {@link #flush}, for a change that entered self-scores and nothing else (the state, the verification, the
     * digital flags, unit, group and year untouched): the event says so, and the roll-ups, which count none of it,
     * skip their refresh.
     */
    void flushScores(Assessment assessment) {
        write(assessment);
        events.publishEvent(AssessmentChanged.scoresOf(assessment));
    }

    private void write(Assessment assessment) {
        try {
            assessments.saveAndFlush(assessment);
        } catch (OptimisticLockingFailureException e) {
            throw new AssessmentConflictException(assessment.getId());
        }
    }

    /** Tells the listeners about an assessment just inserted (and flushed). */
    void created(Assessment assessment) {
        events.publishEvent(AssessmentChanged.of(assessment));
    }
}
