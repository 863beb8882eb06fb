package vn.khuyenhoc.cdht.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import vn.khuyenhoc.cdht.area.Subtree;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.criteria.Channel;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.CriteriaDefinition;
import vn.khuyenhoc.cdht.criteria.ScoreProblem;
import vn.khuyenhoc.cdht.criteria.ScoringEngine;
import vn.khuyenhoc.cdht.criteria.TargetGroupOption;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * The assessment module's rules for one row of an imported file, for one import by one user (it keeps the sets,
 * unit paths and province settings it has read). A row reaches a state only through the workflow table: a new
 * assessment is started (EDIT), its self-scores entered (EDIT, from DRAFT or RETURNED only), submitted when the user
 * asked for SUBMITTED (SUBMIT, every indicator scored); verified scores make a verification sheet, which verifies a
 * SUBMITTED assessment (VERIFY) and never one whose self-scores the user typed, where the province keeps separation
 * of duties. Every role is the workflow table's; scores are checked by the scoring engine. Nothing is thrown: every
 * problem comes back with the part of the row at fault, for the import to report with row and column.
 */
public final class ImportRowCheck {

    /** What the row does to the assessment. */
    public enum Outcome {
        NONE, CREATE, UPDATE, UNCHANGED
    }

    /** The part of the row a problem is about. */
    public enum Part {
        YEAR, TARGET_GROUP, SELF, VERIFIED
    }

    /**
     * One reason the row is refused, as a message key and its arguments.
     *
     * @param indicatorCode the indicator whose score is at fault, or null for the part as a whole
     */
    public record Problem(Part part, String indicatorCode, String messageKey, List<Object> arguments) {

        public Problem {
            arguments = List.copyOf(arguments);
        }

        public Object[] args() {
            return arguments.toArray();
        }
    }

    /** The verdict on a row: what it does and the assessment to write, or why it is refused. */
    public record Verdict(Outcome outcome, AssessmentBulkImport.Row row, List<Problem> problems) {

        public Verdict {
            problems = List.copyOf(problems);
        }

        static Verdict of(Outcome outcome) {
            return new Verdict(outcome, null, List.of());
        }

        static Verdict refused(List<Problem> problems) {
            return new Verdict(Outcome.NONE, null, problems);
        }
    }

    private final CurrentUser user;
    private final AssessmentState requested;
    private final CriteriaCatalog catalog;
    private final UnitScope scope;
    private final Subtree within;
    private final List<Subtree> provincesWithoutSeparation;
    private final SelfAssessmentConsent consent;
    private final Map<Integer, Optional<CriteriaDefinition>> setsByYear = new HashMap<>();
    private final Map<Long, CriteriaDefinition> setsById = new HashMap<>();
    private final Map<Long, String> paths = new HashMap<>();

    ImportRowCheck(CurrentUser user, AssessmentState requested, CriteriaCatalog catalog, UnitScope scope,
            List<Subtree> provincesWithoutSeparation, SelfAssessmentConsent consent) {
        if (requested != AssessmentState.DRAFT && requested != AssessmentState.SUBMITTED) {
            throw new IllegalArgumentException("an import creates DRAFT or SUBMITTED assessments, not " + requested);
        }
        this.user = user;
        this.requested = requested;
        this.catalog = catalog;
        this.scope = scope;
        this.within = scope.subtree(user);
        this.provincesWithoutSeparation = provincesWithoutSeparation;
        this.consent = consent;
    }

    /**
     * The verdict on one row.
     *
     * @param stored          the citizen's assessment of the year, or null when there is none (or no citizen yet)
     * @param residenceUnitId where the citizen lives: a new assessment hangs there
     * @param targetGroup     the citizen's group (a new assessment takes it)
     * @param self            the self-scores given, by indicator code
     * @param verified        the verified scores given (a verification sheet), empty for an entry
     */
    public Verdict check(AssessmentBulkImport.Existing stored, long residenceUnitId, int year, String targetGroup,
            Map<String, Integer> self, Map<String, Integer> verified) {
        if (self.isEmpty() && verified.isEmpty()) {
            return Verdict.of(stored == null ? Outcome.NONE : Outcome.UNCHANGED);
        }
        List<Problem> problems = new ArrayList<>();
        CriteriaDefinition criteria;
        if (stored == null) {
            criteria = setForNew(year, targetGroup, residenceUnitId, problems);
        } else {
            criteria = setsById.computeIfAbsent(stored.criteriaSetId(), catalog::definition);
            if (!within.contains(path(stored.unitId()))) {
                problems.add(new Problem(Part.YEAR, null, "assessment.action.outOfScope", List.of(year)));
            }
        }
        if (!problems.isEmpty()) {
            return Verdict.refused(problems);
        }
        scoreProblems(criteria, self, false, Part.SELF, problems);
        if (!verified.isEmpty()) {
            scoreProblems(criteria, verified, true, Part.VERIFIED, problems);
        }
        if (!problems.isEmpty()) {
            return Verdict.refused(problems);
        }
        Plan plan = new Plan(stored, criteria, stored == null ? targetGroup : stored.targetGroup(),
                stored == null ? residenceUnitId : stored.unitId(),
                stored == null ? AssessmentState.DRAFT : stored.state(), year, self, verified);
        return verified.isEmpty() ? entry(plan) : verification(plan);
    }

    /** What the row asks, with the assessment as it stands (a new one stands as a DRAFT once started). */
    private record Plan(AssessmentBulkImport.Existing stored, CriteriaDefinition criteria, String group, long unitId,
            AssessmentState state, int year, Map<String, Integer> self, Map<String, Integer> verified) {

        boolean selfChanged() {
            return stored == null ? !self.isEmpty() : !stored.selfScores().equals(self);
        }
    }

    /** Entry: start (new), EDIT where the self-scores differ, SUBMIT when asked and the state allows it. */
    private Verdict entry(Plan plan) {
        boolean edit = plan.selfChanged();
        boolean submit = requested == AssessmentState.SUBMITTED && WorkflowAction.SUBMIT.allowedFrom(plan.state());
        if (plan.stored() != null && !edit && !submit) {
            return Verdict.of(Outcome.UNCHANGED);
        }
        List<Problem> problems = new ArrayList<>();
        if (edit) {
            allowed(WorkflowAction.EDIT, plan.state(), Part.SELF, problems);
        }
        if (submit && allowed(WorkflowAction.SUBMIT, plan.state(), Part.SELF, problems)) {
            scoreProblems(plan.criteria(), plan.self(), true, Part.SELF, problems);
        }
        if (!problems.isEmpty()) {
            return Verdict.refused(problems);
        }
        AssessmentState target = submit ? WorkflowAction.SUBMIT.target(plan.state())
                : WorkflowAction.EDIT.target(plan.state());
        return write(plan, target, edit, submit, false);
    }

    /** Verification sheet: VERIFY a SUBMITTED assessment whose self-scores someone else typed. */
    private Verdict verification(Plan plan) {
        AssessmentBulkImport.Existing stored = plan.stored();
        boolean edit = plan.selfChanged();
        if (stored != null && !edit && stored.verifiedScores().equals(plan.verified())
                && (stored.state() == AssessmentState.VERIFIED || stored.state().decided())) {
            return Verdict.of(Outcome.UNCHANGED);
        }
        List<Problem> problems = new ArrayList<>();
        if (edit) {
            // a verification sheet does not change what the citizen declared: only a DRAFT or RETURNED form could
            allowed(WorkflowAction.EDIT, plan.state(), Part.SELF, problems);
        }
        if (allowed(WorkflowAction.VERIFY, plan.state(), Part.VERIFIED, problems)) {
            boolean typed = edit || stored.scoresTypedBy(user.username());
            if (typed && WorkflowSettings.separationApplies(path(plan.unitId()), provincesWithoutSeparation)) {
                problems.add(new Problem(Part.VERIFIED, null, AssessmentAccess.OWN_ENTRY, List.of()));
            }
            // the citizen typed it on the portal and withdrew their consent: as on the pages (AssessmentAccess)
            boolean portal = stored.channel() == Channel.ONLINE_SELF
                    || stored.scoresTypedBy(SelfAssessments.actor(stored.citizenId()));
            if (portal && consent.withdrawnAt(stored.citizenId()).isPresent()) {
                problems.add(new Problem(Part.VERIFIED, null, AssessmentAccess.CONSENT_WITHDRAWN, List.of()));
            }
        }
        if (!problems.isEmpty()) {
            return Verdict.refused(problems);
        }
        return write(plan, WorkflowAction.VERIFY.target(plan.state()), false, false, true);
    }

    private Verdict write(Plan plan, AssessmentState target, boolean edit, boolean submit, boolean verify) {
        AssessmentBulkImport.Existing stored = plan.stored();
        Channel channel = submit || stored == null ? Channel.STAFF_PROXY : stored.channel();
        AssessmentBulkImport.Row row = new AssessmentBulkImport.Row(stored, 0L, null, plan.year(),
                plan.criteria(), plan.group(), plan.unitId(), target, channel, Map.copyOf(plan.self()),
                verify ? Map.copyOf(plan.verified()) : Map.of(), edit, submit, verify);
        return new Verdict(stored == null ? Outcome.CREATE : Outcome.UPDATE, row, List.of());
    }

    /** The workflow table: the role may take the action, and the state allows it; a problem on the part if not. */
    private boolean allowed(WorkflowAction action, AssessmentState state, Part part, List<Problem> problems) {
        if (!action.allowedFor(user.role())) {
            problems.add(new Problem(part, null, "assessment.action.notForRole", List.of(actionName(action))));
            return false;
        }
        if (!action.allowedFrom(state)) {
            problems.add(new Problem(part, null, "assessment.action.wrongState", List.of(actionName(action),
                    new DefaultMessageSourceResolvable("assessment.state." + state.name()))));
            return false;
        }
        return true;
    }

    /** The set a new assessment of the year would be scored by, as starting one on the page decides it. */
    private CriteriaDefinition setForNew(int year, String group, long unitId, List<Problem> problems) {
        if (!allowed(WorkflowAction.EDIT, AssessmentState.DRAFT, Part.SELF, problems)) {
            return null;
        }
        if (!within.contains(path(unitId))) {
            problems.add(new Problem(Part.YEAR, null, "assessment.action.outOfScope", List.of(year)));
            return null;
        }
        if (!Assessments.inRange(year)) {
            problems.add(new Problem(Part.YEAR, null, "assessment.start.yearRange", List.of(year)));
            return null;
        }
        CriteriaDefinition criteria = setsByYear.computeIfAbsent(year, catalog::definitionInForce).orElse(null);
        if (criteria == null) {
            problems.add(new Problem(Part.YEAR, null, "assessment.start.noCriteria", List.of(year)));
        } else if (!criteria.hasTargetGroup(group)) {
            problems.add(new Problem(Part.TARGET_GROUP, null, "assessment.start.noForm", List.of(year,
                    criteria.title(), catalog.targetGroup(group).map(TargetGroupOption::name).orElse(group))));
        }
        return criteria;
    }

    private static void scoreProblems(CriteriaDefinition criteria, Map<String, Integer> scores, boolean complete,
            Part part, List<Problem> problems) {
        for (ScoreProblem p : ScoringEngine.problems(criteria, scores, complete)) {
            problems.add(new Problem(part, p.indicatorCode(), p.messageKey(), p.arguments()));
        }
    }

    private static MessageSourceResolvable actionName(WorkflowAction action) {
        return new DefaultMessageSourceResolvable("assessment.action." + action.name());
    }

    private String path(long unitId) {
        return paths.computeIfAbsent(unitId, id -> scope.subtreeOf(id).path());
    }
}
