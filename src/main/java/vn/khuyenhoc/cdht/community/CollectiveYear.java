package vn.khuyenhoc.cdht.community;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import vn.khuyenhoc.cdht.shared.VersionedEntity;

/** One year's recognition status of a collective. */
@Entity
@Table(name = "collective_year")
class CollectiveYear extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "collective_year_seq")
    @SequenceGenerator(name = "collective_year_seq", sequenceName = "collective_year_seq", allocationSize = 50)
    private Long id;

    @Column(name = "collective_id", nullable = false)
    private Long collectiveId;

    @Column(name = "status_year", nullable = false)
    private int year;

    @Column(nullable = false)
    private boolean recognised;

    @Column(name = "decision_ref")
    private String decisionRef;

    @Column(name = "decision_date")
    private LocalDate decisionDate;

    @Column(name = "member_count")
    private Integer memberCount;

    protected CollectiveYear() {
    }

    CollectiveYear(long collectiveId, int year) {
        this.collectiveId = collectiveId;
        this.year = year;
        created();
    }

    void record(boolean isRecognised, String reference, LocalDate date, Integer members) {
        this.recognised = isRecognised;
        this.decisionRef = reference;
        this.decisionDate = date;
        this.memberCount = members;
        touch();
    }

    YearStatus toStatus() {
        return new YearStatus(id, collectiveId, year, recognised, decisionRef, decisionDate, memberCount, getVersion());
    }

    String describe() {
        return year + ": recognised=" + recognised + " decision='" + (decisionRef == null ? "" : decisionRef)
                + "' date=" + decisionDate + " members=" + memberCount;
    }
}
