package vn.khuyenhoc.cdht.recognition;

/** What the province setting page posts. */
class SettingForm extends SignatureForm {

    /** The saved setting's version when the form was opened; empty while the province used the defaults. */
    private Long version;

    static SettingForm of(SettingView setting) {
        SettingForm form = new SettingForm();
        form.sign(setting.issuerKind(), setting.signerTitle(), setting.legalBasis());
        form.version = setting.version();
        return form;
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}
