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
import vn.khuyenhoc.cdht.shared.ProvinceSettingEntity;

/** A province's choice of who issues and signs its communes' recognition decisions. */
@Entity
@Table(name = "recognition_setting")
class RecognitionSetting extends ProvinceSettingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recognition_setting_seq")
    @SequenceGenerator(name = "recognition_setting_seq", sequenceName = "recognition_setting_seq",
            allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "issuer_kind", nullable = false)
    private IssuerKind issuerKind;

    @Column(name = "signer_title", nullable = false)
    private String signerTitle;

    @Column(name = "legal_basis", nullable = false)
    private String legalBasis;

    protected RecognitionSetting() {
    }

    RecognitionSetting(long provinceUnitId) {
        super(provinceUnitId);
    }

    void change(IssuerKind kind, String title, String basis, String username) {
        this.issuerKind = kind;
        this.signerTitle = title;
        this.legalBasis = basis;
        changedBy(username);
    }

    SettingView toView() {
        return new SettingView(getProvinceUnitId(), issuerKind, signerTitle, legalBasis, getVersion(), getUpdatedBy(),
                getUpdatedAt());
    }

    String describe() {
        return "issuer=" + issuerKind + " title='" + signerTitle.replace('\n', '/') + "' basis="
                + legalBasis.length() + " chars";
    }
}
