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
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A commune's recognition decision for one year. The service checks every rule; this class keeps the columns
 * consistent (who and when, the status) and bumps the version on every change, the selection's included.
 */
@Entity
@Table(name = "recognition_decision")
class RecognitionDecision {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recognition_decision_seq")
    @SequenceGenerator(name = "recognition_decision_seq", sequenceName = "recognition_decision_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "unit_id", nullable = false)
    private long unitId;

    @Column(name = "decision_year", nullable = false)
    private int year;

    @Column(nullable = false)
    private int number;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "issuer_kind", nullable = false)
    private IssuerKind issuerKind;

    @Column(name = "issuer_name", nullable = false)
    private String issuerName;

    @Column(name = "superior_name")
    private String superiorName;

    @Column(name = "place_name", nullable = false)
    private String placeName;

    @Column(name = "signer_name", nullable = false)
    private String signerName;

    @Column(name = "signer_title", nullable = false)
    private String signerTitle;

    @Column(name = "legal_basis", nullable = false)
    private String legalBasis;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DecisionStatus status;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "issued_by")
    private String issuedBy;

    @Column(name = "issued_at")
    private Instant issuedAt;

    @Version
    private long version;

    protected RecognitionDecision() {
    }

    /** A new DRAFT; every NOT NULL column set before persist. */
    RecognitionDecision(long unitId, int year, DecisionDraft draft, String username) {
        this.unitId = unitId;
        this.year = year;
        this.status = DecisionStatus.DRAFT;
        this.createdBy = username;
        this.createdAt = Instant.now();
        change(draft, username);
    }

    /** The header fields of the form; commune and year stay as created. */
    void change(DecisionDraft draft, String username) {
        this.number = draft.number();
        this.issuedOn = draft.issuedOn();
        this.issuerKind = draft.issuerKind();
        this.issuerName = draft.issuerName();
        this.superiorName = draft.superiorName() == null || draft.superiorName().isBlank() ? null
                : draft.superiorName();
        this.placeName = draft.placeName();
        this.signerName = draft.signerName();
        this.signerTitle = draft.signerTitle();
        this.legalBasis = draft.legalBasis();
        touch(username);
    }

    /** Records who changed the draft last; also what makes a new selection bump the version. */
    void touch(String username) {
        this.updatedBy = username;
        this.updatedAt = Instant.now();
    }

    void issue(String username) {
        this.status = DecisionStatus.ISSUED;
        this.issuedBy = username;
        this.issuedAt = Instant.now();
        touch(username);
    }

    boolean isDraft() {
        return status == DecisionStatus.DRAFT;
    }

    String describe() {
        return "number=" + number + " issuer=" + issuerKind + " '" + issuerName + "' under '"
                + (superiorName == null ? "" : superiorName) + "' on=" + issuedOn + " place='"
                + placeName + "' signer='" + signerName + "' title='" + signerTitle.replace('\n', '/') + "'";
    }

    Long getId() {
        return id;
    }

    long getUnitId() {
        return unitId;
    }

    int getYear() {
        return year;
    }

    int getNumber() {
        return number;
    }

    LocalDate getIssuedOn() {
        return issuedOn;
    }

    IssuerKind getIssuerKind() {
        return issuerKind;
    }

    String getIssuerName() {
        return issuerName;
    }

    String getSuperiorName() {
        return superiorName;
    }

    String getPlaceName() {
        return placeName;
    }

    String getSignerName() {
        return signerName;
    }

    String getSignerTitle() {
        return signerTitle;
    }

    String getLegalBasis() {
        return legalBasis;
    }

    DecisionStatus getStatus() {
        return status;
    }

    String getCreatedBy() {
        return createdBy;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    String getIssuedBy() {
        return issuedBy;
    }

    Instant getIssuedAt() {
        return issuedAt;
    }

    long getVersion() {
        return version;
    }
}
