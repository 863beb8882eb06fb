package vn.khuyenhoc.cdht.criteria;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hibernate.annotations.BatchSize;

/** An indicator of one criteria set, with its wording per target group. Changed only through {@link CriteriaSet}. */
@Entity
@Table(name = "criteria_indicator")
class Indicator {

    /** The lengths of the code and name columns. */
    static final int CODE_LENGTH = 20;
    static final int NAME_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "criteria_indicator_seq")
    @SequenceGenerator(name = "criteria_indicator_seq", sequenceName = "criteria_indicator_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "criteria_set_id")
    private CriteriaSet criteriaSet;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "competency_id")
    private Competency competency;

    @Column(nullable = false)
    private String code;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Column(nullable = false)
    private String name;

    @Column(name = "min_points", nullable = false)
    private int minPoints;

    @Column(name = "max_points", nullable = false)
    private int maxPoints;

    @Column(name = "mandatory_min")
    private Integer mandatoryMin;

    // One query for the wordings of all indicators of a set, not one per indicator.
    @ElementCollection
    @BatchSize(size = 100)
    @CollectionTable(name = "criteria_indicator_wording", joinColumns = @JoinColumn(name = "indicator_id"))
    @MapKeyColumn(name = "target_group_code")
    private Map<String, Wording> wordings = new HashMap<>();

    protected Indicator() {
    }

    Indicator(CriteriaSet criteriaSet, Competency competency, String code, int sortOrder, String name, int minPoints,
            int maxPoints, Integer mandatoryMin) {
        this.criteriaSet = criteriaSet;
        this.competency = competency;
        this.code = code;
        this.sortOrder = sortOrder;
        this.name = name;
        this.minPoints = minPoints;
        this.maxPoints = maxPoints;
        this.mandatoryMin = mandatoryMin;
    }

    IndicatorDefinition toDefinition() {
        Map<String, IndicatorWording> byGroup = new LinkedHashMap<>();
        wordings.forEach((group, w) -> byGroup.put(group, new IndicatorWording(w.wording, w.evidenceHint)));
        return new IndicatorDefinition(id == null ? 0 : id, code, competency.getCode(), sortOrder, name, minPoints,
                maxPoints, mandatoryMin, byGroup);
    }

    void change(Competency newCompetency, String newCode, String newName, int newMinPoints, int newMaxPoints,
            Integer newMandatoryMin) {
        this.competency = newCompetency;
        this.code = newCode;
        this.name = newName;
        this.minPoints = newMinPoints;
        this.maxPoints = newMaxPoints;
        this.mandatoryMin = newMandatoryMin;
    }

    /** Blank wording removes the group's text (publishing then lists it as missing). */
    void word(String targetGroupCode, String wording, String evidenceHint) {
        if (wording == null || wording.isBlank()) {
            wordings.remove(targetGroupCode);
            return;
        }
        String hint = evidenceHint == null || evidenceHint.isBlank() ? null : evidenceHint.trim();
        wordings.put(targetGroupCode, new Wording(wording.trim(), hint));
    }

    void removeWording(String targetGroupCode) {
        wordings.remove(targetGroupCode);
    }

    Map<String, Wording> getWordings() {
        return wordings;
    }

    Long getId() {
        return id;
    }

    Competency getCompetency() {
        return competency;
    }

    String getCode() {
        return code;
    }

    int getSortOrder() {
        return sortOrder;
    }

    void setSortOrder(int sortOrder) {
        this.sortOrder = sortOrder;
    }

    String getName() {
        return name;
    }

    int getMinPoints() {
        return minPoints;
    }

    int getMaxPoints() {
        return maxPoints;
    }

    Integer getMandatoryMin() {
        return mandatoryMin;
    }

    @Embeddable
    static class Wording {

        @Column(name = "wording", nullable = false)
        private String wording;

        @Column(name = "evidence_hint")
        private String evidenceHint;

        protected Wording() {
        }

        Wording(String wording, String evidenceHint) {
            this.wording = wording;
            this.evidenceHint = evidenceHint;
        }

        String getWording() {
            return wording;
        }

        String getEvidenceHint() {
            return evidenceHint;
        }
    }
}
