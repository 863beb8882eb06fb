package vn.khuyenhoc.cdht.community;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One year's recognition status of a collective. */
@Entity
@Table(name = "collective_year")
class CollectiveYear {

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

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CollectiveYear() {
    }

    CollectiveYear(long collectiveId, int year) {
        this.collectiveId = collectiveId;
        this.year = year;
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    void record(boolean isRecognised, String reference, LocalDate date, Integer members) {
        this.recognised = isRecognised;
        this.decisionRef = reference;
        this.decisionDate = date;
        this.memberCount = members;
        this.updatedAt = Instant.now();
    }

    YearStatus toStatus() {
        return new YearStatus(id, collectiveId, year, recognised, decisionRef, decisionDate, memberCount, version);
    }

    String describe() {
        return year + ": recognised=" + recognised + " decision='" + (decisionRef == null ? "" : decisionRef)
                + "' date=" + decisionDate + " members=" + memberCount;
    }

    long getVersion() {
        return version;
    }
}
