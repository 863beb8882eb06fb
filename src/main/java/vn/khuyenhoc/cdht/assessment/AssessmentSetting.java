package vn.khuyenhoc.cdht.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** A province's choice about the assessment workflow: whether the person who typed the scores may verify them. */
@Entity
@Table(name = "assessment_setting")
class AssessmentSetting {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_setting_seq")
    @SequenceGenerator(name = "assessment_setting_seq", sequenceName = "assessment_setting_seq", allocationSize = 50)
    private Long id;

    @Column(name = "province_unit_id", nullable = false)
    private long provinceUnitId;

    @Column(name = "separation_of_duties", nullable = false)
    private boolean separationOfDuties;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected AssessmentSetting() {
    }

    AssessmentSetting(long provinceUnitId) {
        this.provinceUnitId = provinceUnitId;
    }

    void change(boolean separationOfDuties, String username) {
        this.separationOfDuties = separationOfDuties;
        this.updatedBy = username;
        this.updatedAt = Instant.now();
    }

    DutySetting toView() {
        return new DutySetting(provinceUnitId, separationOfDuties, version, updatedBy, updatedAt);
    }

    boolean isSeparationOfDuties() {
        return separationOfDuties;
    }

    long getVersion() {
        return version;
    }
}

interface AssessmentSettingRepository extends JpaRepository<AssessmentSetting, Long> {

    Optional<AssessmentSetting> findByProvinceUnitId(long provinceUnitId);

    @Query("select s.provinceUnitId from AssessmentSetting s where s.separationOfDuties = false")
    List<Long> provincesWithoutSeparation();
}
