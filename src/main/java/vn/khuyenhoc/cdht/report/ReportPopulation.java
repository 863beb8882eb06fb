package vn.khuyenhoc.cdht.report;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.springframework.data.jpa.repository.JpaRepository;
import vn.khuyenhoc.cdht.shared.VersionedEntity;

/** Population figures of a unit and year (each optional), entered from statistics or association records. */
@Entity
@Table(name = "report_population")
class ReportPopulation extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "report_population_seq")
    @SequenceGenerator(name = "report_population_seq", sequenceName = "report_population_seq", allocationSize = 50)
    private Long id;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Column(name = "population_year", nullable = false)
    private int year;

    private Long adults;

    private Long officials;

    @Column(name = "association_members")
    private Long associationMembers;

    @Column(name = "association_trained")
    private Long associationTrained;

    protected ReportPopulation() {
    }

    ReportPopulation(long unitId, int year) {
        this.unitId = unitId;
        this.year = year;
        created();
    }

    void change(long newUnitId, int newYear, PopulationFigures figures) {
        this.unitId = newUnitId;
        this.year = newYear;
        this.adults = figures.adults();
        this.officials = figures.officials();
        this.associationMembers = figures.associationMembers();
        this.associationTrained = figures.associationTrained();
        touch();
    }

    String describe() {
        return "unit=" + unitId + " year=" + year + " adults=" + adults + " officials=" + officials
                + " members=" + associationMembers + " trained=" + associationTrained;
    }

    Long getId() {
        return id;
    }

    Long getUnitId() {
        return unitId;
    }

    int getYear() {
        return year;
    }

    PopulationFigures figures() {
        return new PopulationFigures(adults, officials, associationMembers, associationTrained);
    }
}

interface ReportPopulationRepository extends JpaRepository<ReportPopulation, Long> {

    boolean existsByUnitIdAndYearAndIdNot(long unitId, int year, Long id);
}
