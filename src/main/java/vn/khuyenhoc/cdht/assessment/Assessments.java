package vn.khuyenhoc.cdht.assessment;

import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.citizen.CitizenSummary;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.criteria.Channel;
import vn.khuyenhoc.cdht.criteria.CompetencySubtotal;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.CriteriaDefinition;
import vn.khuyenhoc.cdht.criteria.CriteriaSetSummary;
import vn.khuyenhoc.cdht.criteria.IndicatorDefinition;
import vn.khuyenhoc.cdht.criteria.IndicatorWording;
import vn.khuyenhoc.cdht.criteria.InvalidScoresException;
import vn.khuyenhoc.cdht.criteria.ScoreProblem;
import vn.khuyenhoc.cdht.criteria.ScoreResult;
import vn.khuyenhoc.cdht.criteria.ScoringEngine;
import vn.khuyenhoc.cdht.criteria.TargetGroupOption;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.Constraints;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * The yearly assessment workflow: start (one per citizen and year, by the set in force that year), enter
 * self-scores (partial while DRAFT or RETURNED), submit (every indicator scored), verify (a verified score per
 * indicator, a note where it differs from the self-score), return with a reason. Every call checks scope and role
 * ({@link AssessmentAccess}); every change is audited as entity type {@value #AUDIT_TYPE}, old → new, with the
 * reason. Mutations return the assessment's new version, which the next call must name.
 */
@Service
@Transactional
public class Assessments {

    public static final String AUDIT_TYPE = "ASSESSMENT";
    static final int FIRST_YEAR = 2000;
    static final int NOTE_MAX = 1000;
    static final String NOTE_REQUIRED = "assessment.verify.noteRequired";
    static final String NOTE_TOO_LONG = "assessment.note.tooLong";

    private final AssessmentRepository assessments;
    private final AssessmentAccess access;
    private final Citizens citizens;
    private final CriteriaCatalog catalog;
    private final UnitScope scope;
    private final Units units;
    private final AuditLog audit;
    private final AssessmentHistory history;

    Assessments(AssessmentRepository assessments, AssessmentAccess access, Citizens citizens,
            CriteriaCatalog catalog, UnitScope scope, Units units, AuditLog audit, AssessmentHistory history) {
        this.history = history;
        this.assessments = assessments;
        this.access = access;
        this.citizens = citizens;
        this.catalog = catalog;
        this.scope = scope;
        this.units = units;
        this.audit = audit;
    }

    /** Whether no assessment exists yet (demo data loads only then). */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return assessments.count() == 0;
    }

    /** The assessment if the user may see it: 404 when unknown, 403 outside the user's subtree. */
    @Transactional(readOnly = true)
    public AssessmentDetail get(CurrentUser user, long id) {
        Assessment assessment = access.readable(user, id);
        return detail(user, assessment);
    }

    /**
     * The assessment for a page that takes the action: 404/403 as for the change itself, and a rule error when the
     * state does not allow the action now.
     */
    @Transactional(readOnly = true)
    public AssessmentDetail getFor(CurrentUser user, long id, WorkflowAction action) {
        Assessment assessment = access.writable(user, id, action);
        access.requireAllowedNow(user, assessment, action);
        return detail(user, assessment);
    }

    /** The citizen's assessment for the year, if the user may see the citizen. */
    @Transactional(readOnly = true)
    public Optional<Long> findFor(CurrentUser user, long citizenId, int year) {
        citizens.get(user, citizenId);
        return assessments.findByCitizenIdAndYear(citizenId, year).map(Assessment::getId);
    }

    /** The audit trail of an assessment the user may see, oldest first, each change worded in the locale. */
    @Transactional(readOnly = true)
    public List<HistoryEntry> history(CurrentUser user, long id, Locale locale) {
        access.readable(user, id);
        return history.words(audit.history(AUDIT_TYPE, id), locale);
    }

    /** Whether and how the citizen's assessment for the year could be started; changes nothing. */
    @Transactional(readOnly = true)
    public StartCheck checkStart(CurrentUser user, long citizenId, int year) {
        CitizenSummary citizen = citizens.get(user, citizenId);
        Long existing = assessments.findByCitizenIdAndYear(citizenId, year).map(Assessment::getId).orElse(null);
        Optional<CriteriaSetSummary> set = inRange(year) ? catalog.inForce(year) : Optional.empty();
        String problem = null;
        if (existing != null) {
            problem = "assessment.start.exists";
        } else if (!inRange(year)) {
            problem = "assessment.start.yearRange";
        } else if (set.isEmpty()) {
            problem = "assessment.start.noCriteria";
        } else if (!catalog.definition(set.get().id()).hasTargetGroup(citizen.targetGroup())) {
            problem = "assessment.start.noForm";
        }
        boolean mayStart = problem == null && scope.canWrite(user, citizen.residenceUnitId())
                && WorkflowAction.EDIT.allowedFor(user.role());
        return new StartCheck(citizen, year, set.map(CriteriaSetSummary::title).orElse(null),
                groupName(citizen.targetGroup()), existing, problem, mayStart);
    }

    /** Staff start a citizen's assessment on the citizen's behalf (channel STAFF_PROXY). */
    public long start(CurrentUser user, long citizenId, int year) {
        return start(user, citizenId, year, Channel.STAFF_PROXY);
    }

    /**
     * Starts the citizen's assessment for the year as a DRAFT, scored by the set in force that year for the
     * citizen's target group, in the citizen's residence unit. The channel records who enters it.
     */
    public long start(CurrentUser user, long citizenId, int year, Channel channel) {
        CitizenSummary citizen = citizens.requireEditable(user, citizenId);
        AssessmentAccess.requireRole(user, WorkflowAction.EDIT);
        if (!inRange(year)) {
            throw new BusinessRuleException("assessment.start.yearRange", year);
        }
        if (assessments.findByCitizenIdAndYear(citizenId, year).isPresent()) {
            throw new BusinessRuleException("assessment.start.exists", year);
        }
        CriteriaSetSummary set = catalog.inForce(year)
                .orElseThrow(() -> new BusinessRuleException("assessment.start.noCriteria", year));
        if (!catalog.definition(set.id()).hasTargetGroup(citizen.targetGroup())) {
            throw new BusinessRuleException("assessment.start.noForm", year, set.title(),
                    groupName(citizen.targetGroup()));
        }
        Assessment assessment = new Assessment(citizenId, year, set.id(), citizen.targetGroup(),
                citizen.residenceUnitId(), Objects.requireNonNull(channel, "channel"), user.username());
        // the unique key catches the same citizen and year started by someone else at the same moment
        Constraints.unlessClash(() -> assessments.saveAndFlush(assessment),
                () -> new BusinessRuleException("assessment.start.exists", year));
        access.created(assessment);
        audit.record(user.username(), "ASSESSMENT_CREATED", AUDIT_TYPE, assessment.getId(), assessment.getUnitId(),
                new Changes().created(year, set.id(), citizen.targetGroup(), channel).json(), null);
        return assessment.getId();
    }

    /**
     * Replaces the self-scores and evidence notes (indicator code → entry; an indicator left out or with a null
     * score is not scored yet). Partial input is kept; a score outside its bounds or for an unknown indicator is
     * refused with every problem listed.
     */
    public long saveScores(CurrentUser user, long id, Map<String, ScoreEntry> entries, long expectedVersion) {
        Assessment assessment = access.forAction(user, id, WorkflowAction.EDIT, expectedVersion);
        return enterSelfScores(user.username(), assessment, entries);
    }

    /** The entry of self-scores the staff form and the citizen's own form share (checked by the caller). */
    long enterSelfScores(String actor, Assessment assessment, Map<String, ScoreEntry> entries) {
        CriteriaDefinition criteria = catalog.definition(assessment.getCriteriaSetId());
        ScoresInput input = ScoresInput.read(criteria, entries);
        if (!input.problems().isEmpty()) {
            throw new InvalidScoresException(input.problems());
        }
        ScoreResult result = input.complete(criteria) ? score(criteria, assessment, input.scores()) : null;
        Map<String, Integer> oldScores = assessment.selfScores();
        Map<String, String> oldNotes = evidenceNotes(assessment, criteria);
        Changes.Snapshot before = Changes.Snapshot.of(assessment);
        assessment.enterSelfScores(actor, codes(criteria), input.scores(), input.notes(), result);
        access.flushScores(assessment);
        Changes changes = new Changes().selfScores(criteria, oldScores, input.scores(), oldNotes, input.notes());
        if (changes.isEmpty()) {
            changes.add("noChange");
        }
        changes.transition(before, Changes.Snapshot.of(assessment));
        if (!oldScores.equals(input.scores())) {
            changes.verdict(result);
        }
        audit.record(actor, "ASSESSMENT_UPDATED", AUDIT_TYPE, assessment.getId(), assessment.getUnitId(),
                changes.json(), null);
        return assessment.getVersion();
    }

    /** DRAFT or RETURNED → SUBMITTED. Every indicator must be scored: the engine's problems come back if not. */
    public long submit(CurrentUser user, long id, long expectedVersion) {
        Assessment assessment = access.forAction(user, id, WorkflowAction.SUBMIT, expectedVersion);
        return submit(user.username(), Channel.STAFF_PROXY, assessment);
    }

    /**
     * The submission staff and citizens share: every indicator scored (the engine's problems come back if not), and
     * the channel recorded by who submits, whoever started the form.
     */
    long submit(String actor, Channel channel, Assessment assessment) {
        CriteriaDefinition criteria = catalog.definition(assessment.getCriteriaSetId());
        ScoreResult result = ScoringEngine.score(criteria, assessment.getTargetGroup(), assessment.selfScores(),
                channel);
        Changes.Snapshot before = Changes.Snapshot.of(assessment);
        assessment.submit(actor, channel, result);
        access.flush(assessment);
        audit.record(actor, "ASSESSMENT_SUBMITTED", AUDIT_TYPE, assessment.getId(), assessment.getUnitId(),
                new Changes().transition(before, Changes.Snapshot.of(assessment)).verdict(result).json(), null);
        return assessment.getVersion();
    }

    /**
     * SUBMITTED → VERIFIED with a verified score for every indicator; where it differs from the self-score the
     * verifier's note is required. The pass decision and the digital flags come from the verified scores.
     */
    public long verify(CurrentUser user, long id, Map<String, ScoreEntry> verified, long expectedVersion) {
        Assessment assessment = access.forAction(user, id, WorkflowAction.VERIFY, expectedVersion);
        CriteriaDefinition criteria = catalog.definition(assessment.getCriteriaSetId());
        ScoresInput input = ScoresInput.read(criteria, verified);
        List<ScoreProblem> problems = new ArrayList<>(input.problems());
        ScoreResult result = null;
        try {
            result = score(criteria, assessment, input.scores());
        } catch (InvalidScoresException e) {
            // an indicator already refused (out of range) is not reported a second time as missing
            List<String> refused = problems.stream().map(ScoreProblem::indicatorCode).toList();
            e.problems().stream().filter(p -> !refused.contains(p.indicatorCode())).forEach(problems::add);
        }
        Map<String, Integer> selfScores = assessment.selfScores();
        for (IndicatorDefinition indicator : criteria.indicators()) {
            Integer score = input.scores().get(indicator.code());
            Integer self = selfScores.get(indicator.code());
            if (score != null && !score.equals(self) && input.notes().get(indicator.code()) == null) {
                problems.add(new ScoreProblem(indicator.code(), NOTE_REQUIRED,
                        List.of(indicator.code(), self == null ? "" : self, score)));
            }
        }
        if (!problems.isEmpty() || result == null) {
            throw new InvalidScoresException(problems);
        }
        Changes.Snapshot before = Changes.Snapshot.of(assessment);
        assessment.verify(user.username(), codes(criteria), input.scores(), input.notes(), result);
        access.flush(assessment);
        audit.record(user.username(), "ASSESSMENT_VERIFIED", AUDIT_TYPE, id, assessment.getUnitId(),
                new Changes().verifiedScores(criteria, selfScores, input.scores(), input.notes())
                        .transition(before, Changes.Snapshot.of(assessment)).verdict(result).json(), null);
        return assessment.getVersion();
    }

    /** SUBMITTED or VERIFIED → RETURNED, with the reason; any verification is cleared. */
    public long returnForCorrection(CurrentUser user, long id, String reason, long expectedVersion) {
        Assessment assessment = access.forAction(user, id, WorkflowAction.RETURN, expectedVersion);
        String why = requireReason(reason);
        Changes.Snapshot before = Changes.Snapshot.of(assessment);
        assessment.returnForCorrection(why);
        access.flush(assessment);
        audit.record(user.username(), "ASSESSMENT_RETURNED", AUDIT_TYPE, id, assessment.getUnitId(),
                new Changes().transition(before, Changes.Snapshot.of(assessment)).json(), why);
        return assessment.getVersion();
    }

    /**
     * The running total and, once complete, the engine's verdict on scores being typed into the entry form
     * (action EDIT) or the verification form (VERIFY). Changes nothing; checks scope and role.
     */
    @Transactional(readOnly = true)
    public ScorePreview preview(CurrentUser user, long id, WorkflowAction action, Map<String, Integer> scores) {
        if (action != WorkflowAction.EDIT && action != WorkflowAction.VERIFY) {
            throw new IllegalArgumentException("no preview for " + action);
        }
        Assessment assessment = access.writable(user, id, action);
        return preview(catalog.definition(assessment.getCriteriaSetId()), assessment, scores);
    }

    /**
     * The preview of the scores a form shows beside an assessment just read through {@link #getFor} (which checked
     * scope, role and state): the same figures as {@link #preview(CurrentUser, long, WorkflowAction, Map)}
     * without reading the assessment a second time. Reads nothing but the (cached) criteria set.
     */
    public ScorePreview previewOf(AssessmentDetail detail, Map<String, Integer> scores) {
        return preview(catalog.definition(detail.criteriaSetId()), detail.targetGroupCode(), detail.channel(),
                scores);
    }

    static String requireReason(String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty()) {
            throw BusinessRuleException.onField("reason", "assessment.reason.required");
        }
        if (why.length() > NOTE_MAX) {
            throw BusinessRuleException.onField("reason", "assessment.reason.tooLong", NOTE_MAX);
        }
        return why;
    }

    static ScorePreview preview(CriteriaDefinition criteria, Assessment assessment,
            Map<String, Integer> scores) {
        return preview(criteria, assessment.getTargetGroup(), assessment.getChannel(), scores);
    }

    static ScorePreview preview(CriteriaDefinition criteria, String targetGroup, Channel channel,
            Map<String, Integer> scores) {
        Map<String, Integer> given = new HashMap<>();
        Map<String, Integer> valid = new HashMap<>();
        int total = 0;
        int scored = 0;
        for (IndicatorDefinition indicator : criteria.indicators()) {
            Integer score = scores.get(indicator.code());
            if (score != null) {
                given.put(indicator.code(), score);
                if (score >= indicator.minPoints() && score <= indicator.maxPoints()) {
                    valid.put(indicator.code(), score);
                    total += score;
                    scored++;
                }
            }
        }
        try {
            ScoreResult result = ScoringEngine.score(criteria, targetGroup, given, channel);
            return new ScorePreview(result.total(), criteria.maxTotal(), scored, criteria.indicators().size(),
                    result, List.of(), result.subtotals());
        } catch (InvalidScoresException e) {
            return new ScorePreview(total, criteria.maxTotal(), scored, criteria.indicators().size(), null,
                    e.problems(), partialSubtotals(criteria, valid));
        }
    }

    /** Per competency, the valid scores entered so far: the live form shows them before every score is in. */
    static List<CompetencySubtotal> partialSubtotals(CriteriaDefinition criteria, Map<String, Integer> scores) {
        List<CompetencySubtotal> subtotals = new ArrayList<>();
        for (var competency : criteria.competencies()) {
            int points = 0;
            int max = 0;
            for (IndicatorDefinition indicator : criteria.indicatorsOf(competency.code())) {
                points += scores.getOrDefault(indicator.code(), 0);
                max += indicator.maxPoints();
            }
            subtotals.add(new CompetencySubtotal(competency.code(), competency.name(), points, max,
                    competency.minPoints()));
        }
        return subtotals;
    }

    /** The engine on the set the assessment names (already loaded: the catalog's own score() would reload it). */
    static ScoreResult score(CriteriaDefinition criteria, Assessment assessment, Map<String, Integer> scores) {
        return ScoringEngine.score(criteria, assessment.getTargetGroup(), scores, assessment.getChannel());
    }

    static ScoreResult scoreOrNull(CriteriaDefinition criteria, Assessment assessment, Map<String, Integer> scores) {
        try {
            return score(criteria, assessment, scores);
        } catch (InvalidScoresException e) {
            return null;
        }
    }

    AssessmentDetail detail(CurrentUser user, Assessment assessment) {
        return detail(assessment, access.actionsFor(user, assessment));
    }

    /** The page's view of the assessment with the actions already decided (by role and scope, or for a citizen). */
    AssessmentDetail detail(Assessment assessment, java.util.Set<WorkflowAction> actions) {
        CriteriaDefinition criteria = catalog.definition(assessment.getCriteriaSetId());
        String group = assessment.getTargetGroup();
        List<AssessmentDetail.Section> sections = new ArrayList<>();
        int index = 0;
        for (var competency : criteria.competencies()) {
            List<AssessmentDetail.Line> lines = new ArrayList<>();
            for (IndicatorDefinition indicator : criteria.indicatorsOf(competency.code())) {
                Optional<IndicatorWording> wording = indicator.wordingFor(group);
                IndicatorScore score = assessment.score(indicator.code());
                lines.add(new AssessmentDetail.Line(index++, indicator.code(),
                        wording.map(IndicatorWording::wording).orElse(indicator.name()),
                        wording.map(IndicatorWording::evidenceHint).orElse(null), indicator.minPoints(),
                        indicator.maxPoints(), indicator.code().equals(criteria.rules().digitalIndicatorCode()),
                        score.getSelfScore(), score.getEvidenceNote(), score.getVerifiedScore(),
                        score.getVerifierNote()));
            }
            sections.add(new AssessmentDetail.Section(competency.code(), competency.name(), lines));
        }
        CitizenSummary citizen = citizens.find(assessment.getCitizenId()).orElseThrow();
        ScoreResult verifiedResult = assessment.getVerifiedTotal() == null ? null
                : scoreOrNull(criteria, assessment, assessment.verifiedScores());
        return new AssessmentDetail(assessment.getId(), assessment.getCitizenId(), citizen.fullName(),
                citizen.birthYear(), assessment.getUnitId(), units.get(assessment.getUnitId()).name(),
                assessment.getYear(), criteria.id(), criteria.title(), group, groupName(group),
                assessment.getChannel(), assessment.getState(), assessment.getSelfTotal(),
                assessment.getSelfPassed(), assessment.getVerifiedTotal(), assessment.getVerifiedPassed(),
                assessment.getHasDigitalSkills(), assessment.getDigitalProficient(), assessment.getReturnReason(),
                assessment.getEnteredBy(), assessment.getScoresChangedBy(), assessment.getCreatedAt(), assessment.getSubmittedAt(),
                assessment.getSubmittedBy(), assessment.getVerifiedAt(), assessment.getVerifiedBy(),
                assessment.getVersion(), criteria.maxTotal(), sections,
                scoreOrNull(criteria, assessment, assessment.selfScores()), verifiedResult, actions);
    }

    String groupName(String code) {
        return catalog.targetGroup(code).map(TargetGroupOption::name).orElse(code);
    }

    static boolean inRange(int year) {
        return year >= FIRST_YEAR && year <= Year.now().getValue();
    }

    static List<String> codes(CriteriaDefinition criteria) {
        return criteria.indicators().stream().map(IndicatorDefinition::code).toList();
    }

    static Map<String, String> evidenceNotes(Assessment assessment, CriteriaDefinition criteria) {
        Map<String, String> notes = new HashMap<>();
        for (String code : codes(criteria)) {
            String note = assessment.score(code).getEvidenceNote();
            if (note != null) {
                notes.put(code, note);
            }
        }
        return notes;
    }
}
