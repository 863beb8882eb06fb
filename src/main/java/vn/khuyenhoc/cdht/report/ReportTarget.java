package vn.khuyenhoc.cdht.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.khuyenhoc.cdht.shared.VersionedEntity;

/** A target: indicator, scope (a unit, or national when null), year and percentage. */
@Entity
@Table(name = "report_target")
class ReportTarget extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_target_seq")
    @SequenceGenerator(name = "report_target_seq", sequenceName = "report_target_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Indicator indicator;

    @Column(name = "scope_unit_id")
    private Long scopeUnitId;

    @Column(name = "target_year", nullable = false)
    private int year;

    @Column(nullable = false)
    private BigDecimal percentage;

    protected ReportTarget() {
    }

    ReportTarget(Indicator indicator, Long scopeUnitId, int year, BigDecimal percentage) {
        created();
        change(indicator, scopeUnitId, year, percentage);
    }

    void change(Indicator newIndicator, Long newScope, int newYear, BigDecimal newPercentage) {
        this.indicator = newIndicator;
        this.scopeUnitId = newScope;
        this.year = newYear;
        this.percentage = newPercentage;
        touch();
    }

    String describe() {
        return indicator + " " + (scopeUnitId == null ? "national" : "unit=" + scopeUnitId) + " " + year + " "
                + percentage.toPlainString() + "%";
    }

    Long getId() {
        return id;
    }

    Indicator getIndicator() {
        return indicator;
    }

    Long getScopeUnitId() {
        return scopeUnitId;
    }

    int getYear() {
        return year;
    }

    BigDecimal getPercentage() {
        return percentage;
    }
}

interface ReportTargetRepository extends JpaRepository<ReportTarget, Long> {

    boolean existsByIndicatorAndScopeUnitIdAndYearAndIdNot(Indicator indicator, Long scopeUnitId, int year, Long id);

    boolean existsByIndicatorAndScopeUnitIdIsNullAndYearAndIdNot(Indicator indicator, int year, Long id);
}
