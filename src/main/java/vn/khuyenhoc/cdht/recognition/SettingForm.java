package vn.khuyenhoc.cdht.recognition;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the province setting page posts. */
class SettingForm {

    @NotNull
    private IssuerKind issuerKind;

    @Size(max = RecognitionSettings.TITLE_MAX)
    private String signerTitle;

    @Size(max = RecognitionSettings.BASIS_MAX)
    private String legalBasis;

    /** The saved setting's version when the form was opened; empty while the province used the defaults. */
    private Long version;

    static SettingForm of(SettingView setting) {
        SettingForm form = new SettingForm();
        form.issuerKind = setting.issuerKind();
        form.signerTitle = setting.signerTitle();
        form.legalBasis = setting.legalBasis();
        form.version = setting.version();
        return form;
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

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
