package vn.khuyenhoc.cdht.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import vn.khuyenhoc.cdht.shared.ProvinceSettingEntity;

/** A province's choice about the assessment workflow: whether the person who typed the scores may verify them. */
@Entity
@Table(name = "assessment_setting")
class AssessmentSetting extends ProvinceSettingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "assessment_setting_seq")
    @SequenceGenerator(name = "assessment_setting_seq", sequenceName = "assessment_setting_seq", allocationSize = 50)
    private Long id;

    @Column(name = "separation_of_duties", nullable = false)
    private boolean separationOfDuties;

    protected AssessmentSetting() {
    }

    AssessmentSetting(long provinceUnitId) {
        super(provinceUnitId);
    }

    void change(boolean separationOfDuties, String username) {
        this.separationOfDuties = separationOfDuties;
        changedBy(username);
    }

    DutySetting toView() {
        return new DutySetting(getProvinceUnitId(), separationOfDuties, getVersion(), getUpdatedBy(), getUpdatedAt());
    }

    boolean isSeparationOfDuties() {
        return separationOfDuties;
    }
}

interface AssessmentSettingRepository extends JpaRepository<AssessmentSetting, Long> {

    Optional<AssessmentSetting> findByProvinceUnitId(long provinceUnitId);

    @Query("select s.provinceUnitId from AssessmentSetting s where s.separationOfDuties = false")
    List<Long> provincesWithoutSeparation();
}
