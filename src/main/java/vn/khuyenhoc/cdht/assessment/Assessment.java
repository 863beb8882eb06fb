package vn.khuyenhoc.cdht.assessment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.BatchSize;
import vn.khuyenhoc.cdht.criteria.Channel;
import vn.khuyenhoc.cdht.criteria.ScoreResult;
import vn.khuyenhoc.cdht.shared.VersionedEntity;

/**
 * One citizen's assessment for one year. The service checks every rule; this class only keeps the columns
 * consistent with each other (scores, totals, state, who and when).
 */
@Entity
@Table(name = "assessment")
class Assessment extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_seq")
    @SequenceGenerator(name = "assessment_seq", sequenceName = "assessment_seq", allocationSize = 50)
    private Long id;

    @Column(name = "citizen_id", nullable = false)
    private long citizenId;

    @Column(name = "assessment_year", nullable = false)
    private int year;

    @Column(name = "criteria_set_id", nullable = false)
    private long criteriaSetId;

    @Column(name = "target_group", nullable = false)
    private String targetGroup;

    @Column(name = "unit_id", nullable = false)
    private long unitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssessmentState state;

    @Column(name = "self_total")
    private Integer selfTotal;

    @Column(name = "self_passed")
    private Boolean selfPassed;

    @Column(name = "verified_total")
    private Integer verifiedTotal;

    @Column(name = "verified_passed")
    private Boolean verifiedPassed;

    @Column(name = "has_digital_skills")
    private Boolean hasDigitalSkills;

    @Column(name = "digital_proficient")
    private Boolean digitalProficient;

    @Column(name = "return_reason")
    private String returnReason;

    /** Who started the assessment (the column keeps its first name). */
    @Column(name = "entered_by", nullable = false)
    private String enteredBy;

    /** Who first typed self-scores; null while there is none. */
    @Column(name = "scores_entered_by")
    private String scoresEnteredBy;

    /** Who last changed a self-score. */
    @Column(name = "scores_changed_by")
    private String scoresChangedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "verified_by")
    private String verifiedBy;

    // A change to a score row bumps the assessment's version too: the whole form is one optimistic unit.
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 50)
    @CollectionTable(name = "assessment_score", joinColumns = @JoinColumn(name = "assessment_id"))
    @MapKeyColumn(name = "indicator_code")
    private Map<String, IndicatorScore> scores = new HashMap<>();

    protected Assessment() {
    }

    /** A new DRAFT without scores; every NOT NULL column set before persist. */
    Assessment(long citizenId, int year, long criteriaSetId, String targetGroup, long unitId, Channel channel,
            String enteredBy) {
        this.citizenId = citizenId;
        this.year = year;
        this.criteriaSetId = criteriaSetId;
        this.targetGroup = targetGroup;
        this.unitId = unitId;
        this.channel = channel;
        this.state = AssessmentState.DRAFT;
        this.enteredBy = enteredBy;
        created();
    }

    /**
     * Replaces the self-scores and evidence notes of the indicators given (null clears a score); the totals
     * follow from the engine's result, or are cleared while some score is missing. A change of any self-score makes
     * the actor the one who last changed the scores (and the first to enter them, if nobody had).
     */
    void enterSelfScores(String actor, Collection<String> indicatorCodes, Map<String, Integer> selfScores,
            Map<String, String> evidenceNotes, ScoreResult result) {
        Map<String, Integer> before = selfScores();
        for (String code : indicatorCodes) {
            put(code, score(code).withSelf(selfScores.get(code), evidenceNotes.get(code)));
        }
        if (!before.equals(selfScores())) {
            this.scoresChangedBy = actor;
            if (scoresEnteredBy == null) {
                this.scoresEnteredBy = actor;
            }
        }
        this.selfTotal = result == null ? null : result.total();
        this.selfPassed = result == null ? null : result.passed();
        touch();
    }

    /** The channel follows who submits: the citizen online, or staff on their behalf. */
    void submit(String username, Channel channel, ScoreResult selfResult) {
        this.channel = channel;
        this.selfTotal = selfResult.total();
        this.selfPassed = selfResult.passed();
        this.state = AssessmentState.SUBMITTED;
        this.submittedAt = Instant.now();
        this.submittedBy = username;
        touch();
    }

    void verify(String username, Collection<String> indicatorCodes, Map<String, Integer> verifiedScores,
            Map<String, String> verifierNotes, ScoreResult verifiedResult) {
        for (String code : indicatorCodes) {
            put(code, score(code).withVerified(verifiedScores.get(code), verifierNotes.get(code)));
        }
        this.verifiedTotal = verifiedResult.total();
        this.verifiedPassed = verifiedResult.passed();
        this.hasDigitalSkills = verifiedResult.hasDigitalSkills();
        this.digitalProficient = verifiedResult.digitallyProficient();
        this.state = AssessmentState.VERIFIED;
        this.verifiedAt = Instant.now();
        this.verifiedBy = username;
        touch();
    }

    /** Back to the person who entered it: the verification, if any, no longer stands. */
    void returnForCorrection(String reason) {
        for (String code : List.copyOf(scores.keySet())) {
            put(code, score(code).withVerified(null, null));
        }
        this.verifiedTotal = null;
        this.verifiedPassed = null;
        this.hasDigitalSkills = null;
        this.digitalProficient = null;
        this.verifiedAt = null;
        this.verifiedBy = null;
        this.returnReason = reason;
        this.state = AssessmentState.RETURNED;
        touch();
    }

    /** A recognition decision (or its revocation) moves the state and nothing else. */
    void decide(AssessmentState newState) {
        this.state = newState;
        touch();
    }

    /** Hibernate reads an all-null embeddable as no element at all, so an empty row is removed, not stored. */
    private void put(String code, IndicatorScore score) {
        if (score.isEmpty()) {
            scores.remove(code);
        } else {
            scores.put(code, score);
        }
    }

    Map<String, Integer> selfScores() {
        Map<String, Integer> result = new HashMap<>();
        scores.forEach((code, score) -> {
            if (score.getSelfScore() != null) {
                result.put(code, score.getSelfScore());
            }
        });
        return result;
    }

    Map<String, Integer> verifiedScores() {
        Map<String, Integer> result = new HashMap<>();
        scores.forEach((code, score) -> {
            if (score.getVerifiedScore() != null) {
                result.put(code, score.getVerifiedScore());
            }
        });
        return result;
    }

    IndicatorScore score(String code) {
        return scores.getOrDefault(code, new IndicatorScore());
    }

    /** Whether the actor typed self-scores of this assessment: first entered them or changed them last. */
    boolean scoresTypedBy(String actor) {
        return actor != null && (actor.equals(scoresEnteredBy) || actor.equals(scoresChangedBy));
    }

    boolean sameVersion(long expected) {
        return getVersion() == expected;
    }

    Long getId() {
        return id;
    }

    long getCitizenId() {
        return citizenId;
    }

    int getYear() {
        return year;
    }

    long getCriteriaSetId() {
        return criteriaSetId;
    }

    String getTargetGroup() {
        return targetGroup;
    }

    long getUnitId() {
        return unitId;
    }

    Channel getChannel() {
        return channel;
    }

    AssessmentState getState() {
        return state;
    }

    Integer getSelfTotal() {
        return selfTotal;
    }

    Boolean getSelfPassed() {
        return selfPassed;
    }

    Integer getVerifiedTotal() {
        return verifiedTotal;
    }

    Boolean getVerifiedPassed() {
        return verifiedPassed;
    }

    Boolean getHasDigitalSkills() {
        return hasDigitalSkills;
    }

    Boolean getDigitalProficient() {
        return digitalProficient;
    }

    String getReturnReason() {
        return returnReason;
    }

    String getEnteredBy() {
        return enteredBy;
    }

    String getScoresEnteredBy() {
        return scoresEnteredBy;
    }

    String getScoresChangedBy() {
        return scoresChangedBy;
    }

    Instant getSubmittedAt() {
        return submittedAt;
    }

    String getSubmittedBy() {
        return submittedBy;
    }

    Instant getVerifiedAt() {
        return verifiedAt;
    }

    String getVerifiedBy() {
        return verifiedBy;
    }
}
