package vn.khuyenhoc.cdht.recognition;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Comparator;
import vn.khuyenhoc.cdht.assessment.DecisionCandidate;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.shared.SearchText;

/**
 * One assessment a decision includes, with the citizen as printed (name, birth year, hamlet) copied when picked.
 * Its changes are guarded by the decision's version (drafts) and the assessment's (issue, revocation).
 */
@Entity
@Table(name = "recognition_item")
class RecognitionItem {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recognition_item_seq")
    @SequenceGenerator(name = "recognition_item_seq", sequenceName = "recognition_item_seq", allocationSize = 50)
    private Long id;

    @Column(name = "decision_id", nullable = false)
    private long decisionId;

    @Column(name = "assessment_id", nullable = false)
    private long assessmentId;

    @Column(name = "citizen_id", nullable = false)
    private long citizenId;

    @Column(nullable = false)
    private int position;

    @Column(name = "citizen_name", nullable = false)
    private String citizenName;

    @Column(name = "birth_year", nullable = false)
    private int birthYear;

    @Column(name = "hamlet_name", nullable = false)
    private String hamletName;

    @Enumerated(EnumType.STRING)
    @Column(name = "gender")
    private Gender gender;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ItemOutcome outcome;

    @Column(name = "assessment_version", nullable = false)
    private long assessmentVersion;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "revoke_reason")
    private String revokeReason;

    protected RecognitionItem() {
    }

    RecognitionItem(long decisionId, DecisionCandidate candidate, int position) {
        this.decisionId = decisionId;
        this.assessmentId = candidate.assessmentId();
        refresh(candidate, position);
    }

    /** Copies what the candidate list shows now: the citizen as printed, the verdict and the version. */
    void refresh(DecisionCandidate candidate, int newPosition) {
        this.citizenId = candidate.citizenId();
        this.position = newPosition;
        this.citizenName = candidate.citizenName();
        this.birthYear = candidate.birthYear();
        this.hamletName = candidate.unitName();
        this.gender = candidate.gender();
        this.outcome = candidate.verifiedPassed() ? ItemOutcome.RECOGNISED : ItemOutcome.NOT_RECOGNISED;
        this.assessmentVersion = candidate.version();
    }

    /** Positions are numbered in this order when the decision is issued: hamlet, then name, as lists sort them. */
    static final Comparator<RecognitionItem> LIST_ORDER = Comparator
            .comparing((RecognitionItem i) -> SearchText.fold(i.hamletName))
            .thenComparing(i -> SearchText.fold(i.citizenName)).thenComparingInt(i -> i.birthYear)
            .thenComparingLong(i -> i.assessmentId);

    void renumber(int newPosition) {
        this.position = newPosition;
    }

    /** The assessment's version after the decision applied to it: what a revocation must name. */
    void decided(long newAssessmentVersion) {
        this.assessmentVersion = newAssessmentVersion;
    }

    void revoke(String username, String reason, long newAssessmentVersion) {
        this.revokedAt = Instant.now();
        this.revokedBy = username;
        this.revokeReason = reason;
        this.assessmentVersion = newAssessmentVersion;
    }

    boolean isRevoked() {
        return revokedAt != null;
    }

    DecisionItem toView() {
        return new DecisionItem(id, assessmentId, citizenId, position, citizenName, birthYear, hamletName, gender,
                outcome,
                revokedAt, revokedBy, revokeReason);
    }

    Long getId() {
        return id;
    }

    long getDecisionId() {
        return decisionId;
    }

    long getAssessmentId() {
        return assessmentId;
    }

    String getCitizenName() {
        return citizenName;
    }

    ItemOutcome getOutcome() {
        return outcome;
    }

    int getPosition() {
        return position;
    }

    long getAssessmentVersion() {
        return assessmentVersion;
    }
}
