package vn.khuyenhoc.cdht.recognition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** What the draft form posts. Commune and year are chosen when the draft is created and shown read-only after. */
class DecisionForm extends SignatureForm {

    private String unitCode;

    private Integer year;

    @NotNull
    private Integer number;

    @NotNull
    @DateTimeFormat(pattern = "dd/MM/yyyy")
    private LocalDate issuedOn;

    @Size(max = RecognitionDecisions.ISSUER_MAX)
    private String issuerName;

    @Size(max = RecognitionDecisions.ISSUER_MAX)
    private String superiorName;

    @Size(max = RecognitionDecisions.PLACE_MAX)
    private String placeName;

    @Size(max = RecognitionDecisions.SIGNER_MAX)
    private String signerName;

    /** The draft's version when the form was opened (edit only). */
    private long version;

    static DecisionForm of(String unitCode, int year, DecisionDraft draft) {
        DecisionForm form = new DecisionForm();
        form.unitCode = unitCode;
        form.year = year;
        form.number = draft.number();
        form.issuedOn = draft.issuedOn();
        form.issuerName = draft.issuerName();
        form.superiorName = draft.superiorName();
        form.placeName = draft.placeName();
        form.signerName = draft.signerName();
        form.sign(draft.issuerKind(), draft.signerTitle(), draft.legalBasis());
        return form;
    }

    static DecisionForm of(DecisionSummary decision) {
        DecisionForm form = of(decision.unitCode(), decision.year(), new DecisionDraft(decision.number(),
                decision.issuedOn(), decision.issuerKind(), decision.issuerName(), decision.placeName(),
                decision.signerName(), decision.signerTitle(), decision.legalBasis(), decision.superiorName()));
        form.version = decision.version();
        return form;
    }

    DecisionDraft toDraft() {
        return new DecisionDraft(number, issuedOn, getIssuerKind(), issuerName, placeName, signerName,
                getSignerTitle(), getLegalBasis(), superiorName);
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public Integer getYear() {
        return year;
    }

    public void setYear(Integer year) {
        this.year = year;
    }

    public Integer getNumber() {
        return number;
    }

    public void setNumber(Integer number) {
        this.number = number;
    }

    public LocalDate getIssuedOn() {
        return issuedOn;
    }

    public void setIssuedOn(LocalDate issuedOn) {
        this.issuedOn = issuedOn;
    }

    public String getIssuerName() {
        return issuerName;
    }

    public void setIssuerName(String issuerName) {
        this.issuerName = issuerName;
    }

    public String getSuperiorName() {
        return superiorName;
    }

    public void setSuperiorName(String superiorName) {
        this.superiorName = superiorName;
    }

    public String getPlaceName() {
        return placeName;
    }

    public void setPlaceName(String placeName) {
        this.placeName = placeName;
    }

    public String getSignerName() {
        return signerName;
    }

    public void setSignerName(String signerName) {
        this.signerName = signerName;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }
}
