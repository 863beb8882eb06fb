package vn.khuyenhoc.cdht.recognition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Who issues and signs a decision and on what legal basis, as both the draft form and the province setting post it:
 * the setting gives a draft its defaults, the draft may change them.
 */
abstract class SignatureForm {

    @NotNull
    private IssuerKind issuerKind;

    @Size(max = RecognitionSettings.TITLE_MAX)
    private String signerTitle;

    @Size(max = RecognitionSettings.BASIS_MAX)
    private String legalBasis;

    /** Fills the three fields from a decision's draft or a province's setting. */
    void sign(IssuerKind kind, String title, String basis) {
        this.issuerKind = kind;
        this.signerTitle = title;
        this.legalBasis = basis;
    }

    public IssuerKind getIssuerKind() {
        return issuerKind;
    }

    public void setIssuerKind(IssuerKind issuerKind) {
        this.issuerKind = issuerKind;
    }

    public String getSignerTitle() {
        return signerTitle;
    }

    public void setSignerTitle(String signerTitle) {
        this.signerTitle = signerTitle;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public void setLegalBasis(String legalBasis) {
        this.legalBasis = legalBasis;
    }
}
