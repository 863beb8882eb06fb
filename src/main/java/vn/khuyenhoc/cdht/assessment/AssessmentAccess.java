package vn.khuyenhoc.cdht.assessment;

import java.util.EnumSet;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.community.DataEntryScope;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;

/**
 * The checks every assessment call makes, in one order: the record exists (404), lies in the user's subtree
 * (403), the role may take the action (403), the form's version is the stored one (conflict), and the state allows
 * the action (a rule). Scope follows the assessment's own unit: the citizen's residence when it was started.
 * Runs inside the callers' transactions.
 */
@Component
class AssessmentAccess {

    private final AssessmentRepository assessments;
    private final DataEntryScope scope;
    private final ApplicationEventPublisher events;

    AssessmentAccess(AssessmentRepository assessments, DataEntryScope scope, ApplicationEventPublisher events) {
        this.assessments = assessments;
        this.scope = scope;
        this.events = events;
    }

    Assessment load(long id) {
        return assessments.findById(id).orElseThrow(() -> new NotFoundException("assessment " + id));
    }

    Assessment readable(CurrentUser user, long id) {
        Assessment assessment = load(id);
        scope.requireReadable(user, assessment.getUnitId());
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
        requireState(assessment, action);
        return assessment;
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
