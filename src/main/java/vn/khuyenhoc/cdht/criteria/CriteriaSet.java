package vn.khuyenhoc.cdht.criteria;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.VersionedEntity;

/**
 * One version of a criteria set and everything in it. The aggregate root: every change to its competencies,
 * indicators, wording and rules goes through here, and every change refuses unless the set is a draft.
 */
@Entity
@Table(name = "criteria_set")
class CriteriaSet extends VersionedEntity {

    /** The lengths of the code and name columns. */
    static final int CODE_LENGTH = 30;
    static final int NAME_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "criteria_set_seq")
    @SequenceGenerator(name = "criteria_set_seq", sequenceName = "criteria_set_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private String code;

    @Column(name = "version_no", nullable = false, updatable = false)
    private int versionNumber;

    @Column(nullable = false)
    private String name;

    @Column(name = "legal_basis")
    private String legalBasis;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CriteriaStatus status;

    @Column(name = "year_from", nullable = false)
    private int yearFrom;

    @Column(name = "year_to", nullable = false)
    private int yearTo;

    @Column(name = "total_points", nullable = false)
    private int totalPoints;

    @Column(name = "min_total", nullable = false)
    private int minTotal;

    @Column(name = "min_per_indicator", nullable = false)
    private int minPerIndicator;

    @Column(name = "digital_indicator_code")
    private String digitalIndicatorCode;

    @Column(name = "digital_threshold", nullable = false)
    private int digitalThreshold;

    @Column(name = "proficient_threshold", nullable = false)
    private int proficientThreshold;

    @Column(name = "proficient_when_online_self", nullable = false)
    private boolean proficientWhenOnlineSelf;

    @Column(name = "based_on_id", updatable = false)
    private Long basedOnId;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Column(name = "retired_by")
    private String retiredBy;

    @OneToMany(mappedBy = "criteriaSet", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder ASC, id ASC")
    private List<Competency> competencies = new ArrayList<>();

    @OneToMany(mappedBy = "criteriaSet", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder ASC, id ASC")
    private List<Indicator> indicators = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "criteria_set_group", joinColumns = @JoinColumn(name = "criteria_set_id"))
    @Column(name = "target_group_code")
    private Set<String> targetGroupCodes = new LinkedHashSet<>();

    protected CriteriaSet() {
    }

    /** A new, empty draft with the default rules. */
    CriteriaSet(String code, int versionNumber, String name, String legalBasis, int yearFrom, int yearTo,
            int totalPoints, Long basedOnId) {
        this.code = code;
        this.versionNumber = versionNumber;
        this.status = CriteriaStatus.DRAFT;
        this.basedOnId = basedOnId;
        created();
        describe(name, legalBasis, yearFrom, yearTo, totalPoints);
        // the defaults unchecked: the caller applies the rules it was given, and those are checked
        ScoringRules defaults = ScoringRules.defaults(null);
        this.minTotal = defaults.minTotal();
        this.minPerIndicator = defaults.minPerIndicator();
        this.digitalThreshold = defaults.digitalThreshold();
        this.proficientThreshold = defaults.proficientThreshold();
        this.proficientWhenOnlineSelf = defaults.proficientWhenOnlineSelf();
    }

    // ---- status ----

    boolean isDraft() {
        return status == CriteriaStatus.DRAFT;
    }

    void requireDraft() {
        if (!isDraft()) {
            throw new BusinessRuleException("criteria.set.notDraft");
        }
    }

    void publish(String actor) {
        publish(actor, yearFrom);
    }

    /**
     * Publishes from the effective year on (the draft's first year or later): the years before it stay with the
     * version that covers them.
     */
    void publish(String actor, int effectiveYear) {
        requireDraft();
        if (effectiveYear < yearFrom || effectiveYear > yearTo) {
            throw BusinessRuleException.onField("effectiveYear", "criteria.publish.effectiveOutside",
                    String.valueOf(effectiveYear), String.valueOf(yearFrom), String.valueOf(yearTo));
        }
        this.yearFrom = effectiveYear;
        this.status = CriteriaStatus.PUBLISHED;
        this.publishedAt = Instant.now();
        this.publishedBy = actor;
        touch();
    }

    /**
     * A newer version takes over from the effective year: this published set's range ends the year before. Its
     * rules and content never change; only the years it is used for.
     */
    void endBefore(int effectiveYear) {
        if (status != CriteriaStatus.PUBLISHED) {
            throw new BusinessRuleException("criteria.set.notPublished");
        }
        if (effectiveYear <= yearFrom) {
            throw BusinessRuleException.onField("effectiveYear", "criteria.publish.wouldVanish", name,
                    String.valueOf(versionNumber), String.valueOf(yearFrom), String.valueOf(effectiveYear));
        }
        this.yearTo = Math.min(yearTo, effectiveYear - 1);
        touch();
    }

    void retire(String actor) {
        if (status != CriteriaStatus.PUBLISHED) {
            throw new BusinessRuleException("criteria.set.notPublished");
        }
        this.status = CriteriaStatus.RETIRED;
        this.retiredAt = Instant.now();
        this.retiredBy = actor;
        touch();
    }

    /** A new draft with everything of this set, for the next version. */
    CriteriaSet copyAsDraft(int newVersionNumber) {
        if (isDraft()) {
            throw new BusinessRuleException("criteria.copy.draft");
        }
        CriteriaSet copy = new CriteriaSet(code, newVersionNumber, name, legalBasis, yearFrom, yearTo, totalPoints,
                id);
        copy.targetGroupCodes.addAll(targetGroupCodes);
        tree().copyInto(copy.tree());
        // after the indicators: the rules name the digital-skills indicator, which must exist
        copy.applyRules(rules());
        return copy;
    }

    // ---- header and rules ----

    void describe(String newName, String newLegalBasis, int newYearFrom, int newYearTo, int newTotalPoints) {
        requireDraft();
        if (newYearTo < newYearFrom) {
            throw BusinessRuleException.onField("yearTo", "criteria.set.yearsReversed");
        }
        this.name = newName.trim();
        this.legalBasis = newLegalBasis == null || newLegalBasis.isBlank() ? null : newLegalBasis.trim();
        this.yearFrom = newYearFrom;
        this.yearTo = newYearTo;
        this.totalPoints = newTotalPoints;
        touch();
    }

    void applyRules(ScoringRules rules) {
        requireDraft();
        String digital = rules.digitalIndicatorCode();
        if (digital != null && !digital.isBlank() && findIndicatorByCode(digital).isEmpty()) {
            throw BusinessRuleException.onField("digitalIndicatorCode", "criteria.rules.unknownDigital", digital);
        }
        ScaleCheck.requireSatisfiable(rules, totalPoints, indicators,
                digital == null || digital.isBlank() ? null : findIndicatorByCode(digital).orElseThrow());
        this.minTotal = rules.minTotal();
        this.minPerIndicator = rules.minPerIndicator();
        this.digitalIndicatorCode = digital == null || digital.isBlank() ? null : digital;
        this.digitalThreshold = rules.digitalThreshold();
        this.proficientThreshold = rules.proficientThreshold();
        this.proficientWhenOnlineSelf = rules.proficientWhenOnlineSelf();
        touch();
    }

    ScoringRules rules() {
        return new ScoringRules(minTotal, minPerIndicator, digitalIndicatorCode, digitalThreshold,
                proficientThreshold, proficientWhenOnlineSelf);
    }

    // ---- target groups ----

    void addTargetGroup(String groupCode) {
        requireDraft();
        if (!targetGroupCodes.add(groupCode)) {
            throw new BusinessRuleException("criteria.group.alreadyIn", groupCode);
        }
        touch();
    }

    /** Removes the group's form: its wording goes with it. */
    void removeTargetGroup(String groupCode) {
        requireDraft();
        if (!targetGroupCodes.remove(groupCode)) {
            throw new BusinessRuleException("criteria.group.notIn", groupCode);
        }
        indicators.forEach(i -> i.removeWording(groupCode));
        touch();
    }

    // ---- competencies and indicators: the tree's own rules are in CriteriaTree ----

    Competency addCompetency(String competencyCode, String competencyName, Integer minPoints) {
        return changeDraft(() -> tree().addCompetency(competencyCode, competencyName, minPoints));
    }

    void changeCompetency(long competencyId, String newCode, String newName, Integer minPoints) {
        changeDraft(() -> tree().changeCompetency(competencyId, newCode, newName, minPoints));
    }

    void removeCompetency(long competencyId) {
        changeDraft(() -> tree().removeCompetency(competencyId));
    }

    /** Swaps the competency with its neighbour above (direction -1) or below (+1); at an end, nothing moves. */
    void moveCompetency(long competencyId, int direction) {
        changeDraft(() -> tree().moveCompetency(competencyId, direction));
    }

    Competency competency(long competencyId) {
        return tree().competency(competencyId);
    }

    Indicator addIndicator(long competencyId, String indicatorCode, String indicatorName, int minPoints,
            int maxPoints, Integer mandatoryMin) {
        return changeDraft(() -> tree().addIndicator(competencyId, indicatorCode, indicatorName, minPoints,
                maxPoints, mandatoryMin));
    }

    /** Changes an indicator; a new code carries the digital-skills choice along with it. */
    void changeIndicator(long indicatorId, long competencyId, String newCode, String newName, int minPoints,
            int maxPoints, Integer mandatoryMin) {
        changeDraft(() -> {
            String oldCode = tree().changeIndicator(indicatorId, competencyId, newCode, newName, minPoints,
                    maxPoints, mandatoryMin);
            if (oldCode.equals(digitalIndicatorCode)) {
                digitalIndicatorCode = newCode;
            }
        });
    }

    void wordIndicator(long indicatorId, String groupCode, String wording, String evidenceHint) {
        changeDraft(() -> {
            if (!targetGroupCodes.contains(groupCode)) {
                throw new BusinessRuleException("criteria.group.notIn", groupCode);
            }
            indicator(indicatorId).word(groupCode, wording, evidenceHint);
        });
    }

    void removeIndicator(long indicatorId) {
        changeDraft(() -> {
            if (tree().removeIndicator(indicatorId).equals(digitalIndicatorCode)) {
                digitalIndicatorCode = null;
            }
        });
    }

    /** Moves the indicator up or down among the indicators of its own competency. */
    void moveIndicator(long indicatorId, int direction) {
        changeDraft(() -> tree().moveIndicator(indicatorId, direction));
    }

    Indicator indicator(long indicatorId) {
        return tree().indicator(indicatorId);
    }

    Optional<Indicator> findIndicatorByCode(String indicatorCode) {
        return tree().findIndicatorByCode(indicatorCode);
    }

    private CriteriaTree tree() {
        return new CriteriaTree(this, competencies, indicators);
    }

    /** Every change to the content: refused unless the set is a draft, recorded as a change of the set. */
    private <T> T changeDraft(Supplier<T> change) {
        requireDraft();
        T result = change.get();
        touch();
        return result;
    }

    private void changeDraft(Runnable change) {
        changeDraft(() -> {
            change.run();
            return null;
        });
    }

    // ---- views ----

    /**
     * @param groupOrder target group codes in display order (the catalogue's); the set's groups follow it
     */
    CriteriaDefinition toDefinition(List<String> groupOrder) {
        List<String> groups = targetGroupCodes.stream()
                .sorted(Comparator.<String>comparingInt(g -> groupOrder.contains(g) ? groupOrder.indexOf(g)
                        : Integer.MAX_VALUE).thenComparing(Comparator.naturalOrder()))
                .toList();
        return new CriteriaDefinition(id, code, name, legalBasis, versionNumber, status, yearFrom, yearTo,
                totalPoints, rules(), groups,
                competencies.stream().map(Competency::toDefinition).toList(),
                indicators.stream().map(Indicator::toDefinition).toList());
    }

    CriteriaSetSummary toSummary() {
        return new CriteriaSetSummary(id, code, versionNumber, name, legalBasis, status, yearFrom, yearTo,
                totalPoints, basedOnId, publishedAt, publishedBy, retiredAt, retiredBy, getVersion());
    }

    // ---- plain accessors ----

    Long getId() {
        return id;
    }

    String getCode() {
        return code;
    }

    int getVersionNumber() {
        return versionNumber;
    }

    String getName() {
        return name;
    }

    CriteriaStatus getStatus() {
        return status;
    }

    int getYearFrom() {
        return yearFrom;
    }

    int getYearTo() {
        return yearTo;
    }

    List<Competency> getCompetencies() {
        return competencies;
    }

    List<Indicator> getIndicators() {
        return indicators;
    }

    Set<String> getTargetGroupCodes() {
        return targetGroupCodes;
    }
}
