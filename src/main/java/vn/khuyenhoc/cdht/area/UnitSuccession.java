package vn.khuyenhoc.cdht.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** Old unit → new unit from an effective date (a merge has many rows into one new unit, a split the reverse). */
@Entity
@Table(name = "unit_succession")
class UnitSuccession {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unit_succession_seq")
    @SequenceGenerator(name = "unit_succession_seq", sequenceName = "unit_succession_seq", allocationSize = 50)
    private Long id;

    @Column(name = "old_unit_id", nullable = false)
    private Long oldUnitId;

    @Column(name = "new_unit_id", nullable = false)
    private Long newUnitId;

    @Column(name = "effective_date", nullable = false)
    private LocalDate effectiveDate;

    private String note;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected UnitSuccession() {
    }

    UnitSuccession(long oldUnitId, long newUnitId, LocalDate effectiveDate, String note) {
        this.oldUnitId = oldUnitId;
        this.newUnitId = newUnitId;
        this.effectiveDate = effectiveDate;
        this.note = note;
        this.createdAt = Instant.now();
    }

    Long getId() {
        return id;
    }

    Long getOldUnitId() {
        return oldUnitId;
    }

    Long getNewUnitId() {
        return newUnitId;
    }

    LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    String getNote() {
        return note;
    }
}
