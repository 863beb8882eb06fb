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

/** A province's choice of who issues and signs its communes' recognition decisions. */
@Entity
@Table(name = "recognition_setting")
class RecognitionSetting {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "recognition_setting_seq")
    @SequenceGenerator(name = "recognition_setting_seq", sequenceName = "recognition_setting_seq",
            allocationSize = 50)
    private Long id;

    @Column(name = "province_unit_id", nullable = false)
    private long provinceUnitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "issuer_kind", nullable = false)
    private IssuerKind issuerKind;

    @Column(name = "signer_title", nullable = false)
    private String signerTitle;

    @Column(name = "legal_basis", nullable = false)
    private String legalBasis;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected RecognitionSetting() {
    }

    RecognitionSetting(long provinceUnitId) {
        this.provinceUnitId = provinceUnitId;
    }

    void change(IssuerKind kind, String title, String basis, String username) {
        this.issuerKind = kind;
        this.signerTitle = title;
        this.legalBasis = basis;
        this.updatedBy = username;
        this.updatedAt = Instant.now();
    }

    SettingView toView() {
        return new SettingView(provinceUnitId, issuerKind, signerTitle, legalBasis, version, updatedBy, updatedAt);
    }

    String describe() {
        return "issuer=" + issuerKind + " title='" + signerTitle.replace('\n', '/') + "' basis="
                + legalBasis.length() + " chars";
    }

    long getVersion() {
        return version;
    }
}
