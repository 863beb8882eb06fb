package vn.khuyenhoc.cdht.criteria;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A competency of one criteria set. Changed only through {@link CriteriaSet}, which guards the draft status. */
@Entity
@Table(name = "criteria_competency")
class Competency {

    /** The lengths of the code and name columns. */
    static final int CODE_LENGTH = 20;
    static final int NAME_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "criteria_competency_seq")
    @SequenceGenerator(name = "criteria_competency_seq", sequenceName = "criteria_competency_seq",
            allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "criteria_set_id")
    private CriteriaSet criteriaSet;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(name = "min_points")
    private Integer minPoints;

    protected Competency() {
    }

    Competency(CriteriaSet criteriaSet, String code, String name, int sortOrder, Integer minPoints) {
        this.criteriaSet = criteriaSet;
        this.code = code;
        this.name = name;
        this.sortOrder = sortOrder;
        this.minPoints = minPoints;
    }

    CompetencyDefinition toDefinition() {
        return new CompetencyDefinition(id == null ? 0 : id, code, name, sortOrder, minPoints);
    }

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    int getSortOrder() {
        return sortOrder;
    }

    Integer getMinPoints() {
        return minPoints;
    }

    void change(String newCode, String newName, Integer newMinPoints) {
        this.code = newCode;
        this.name = newName;
        this.minPoints = newMinPoints;
    }

    void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }
}
