package vn.khuyenhoc.cdht.community;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import vn.khuyenhoc.cdht.shared.SearchText;
import vn.khuyenhoc.cdht.shared.VersionedEntity;

@Entity
@Table(name = "collective")
class Collective extends VersionedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "collective_seq")
    @SequenceGenerator(name = "collective_seq", sequenceName = "collective_seq", allocationSize = 50)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CollectiveKind kind;

    @Column(nullable = false)
    private String name;

    @Column(name = "search_name", nullable = false)
    private String searchName;

    @Column(name = "unit_id", nullable = false)
    private Long unitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_type")
    private LearningUnitType unitType;

    protected Collective() {
    }

    Collective(CollectiveKind kind, String name, long unitId, LearningUnitType unitType) {
        this.kind = kind;
        created();
        change(name, unitId, unitType);
    }

    /** Every column the forms change, in one go, so that the learning-unit-only type stays consistent. */
    void change(String newName, long newUnitId, LearningUnitType newUnitType) {
        this.name = newName.trim();
        this.searchName = SearchText.fold(newName);
        this.unitId = newUnitId;
        this.unitType = kind == CollectiveKind.LEARNING_UNIT ? newUnitType : null;
        touch();
    }

    Long getId() {
        return id;
    }

    CollectiveKind getKind() {
        return kind;
    }

    String getName() {
        return name;
    }

    long getUnitId() {
        return unitId;
    }

    LearningUnitType getUnitType() {
        return unitType;
    }
}
