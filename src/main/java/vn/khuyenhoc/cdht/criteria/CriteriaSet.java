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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.VersionedEntity;

/**
 * One version of a criteria set and everything in it. The aggregate root: every change to its competencies,
 * indicators, wording and rules goes through here, and every change refuses unless the set is a draft.
 */
@Entity
@Table(name = "criteria_set")
class CriteriaSet extends VersionedEntity {

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
        // by id: an indicator's competency may be a lazy proxy, never the same object as the list's element
        Map<Long, Competency> copied = new java.util.HashMap<>();
        for (Competency c : competencies) {
            Competency twin = new Competency(copy, c.getCode(), c.getName(), c.getSortOrder(), c.getMinPoints());
            copy.competencies.add(twin);
            copied.put(c.getId(), twin);
        }
        for (Indicator i : indicators) {
            Indicator twin = new Indicator(copy, copied.get(i.getCompetency().getId()), i.getCode(), i.getSortOrder(),
                    i.getName(), i.getMinPoints(), i.getMaxPoints(), i.getMandatoryMin());
            i.getWordings().forEach((group, w) -> twin.word(group, w.getWording(), w.getEvidenceHint()));
            copy.indicators.add(twin);
        }
        // after the indicators: the rules name the digital-skills indicator, which must exist
        copy.applyRules(rules());
        return copy;
    }

    // ---- header and rules ----

    /**
     * Cross-field checks of the rules against the set's scale, at every save (publishing checks them all again with
     * the indicators as they are then): no rule may ask for more than the scale gives. With every rule within its
     * scale the set is satisfiable: all indicators at their maximum meet each minimum at once.
     */
    private void requireSatisfiable(ScoringRules rules, String digital) {
        if (rules.minTotal() > totalPoints) {
            throw BusinessRuleException.onField("minTotal", "criteria.rules.minTotalAboveTotal",
                    String.valueOf(rules.minTotal()), String.valueOf(totalPoints));
        }
        indicators.stream().mapToInt(Indicator::getMaxPoints).min().ifPresent(lowestMax -> {
            if (rules.minPerIndicator() > lowestMax) {
                throw BusinessRuleException.onField("minPerIndicator", "criteria.rules.minPerIndicatorAboveScale",
                        String.valueOf(rules.minPerIndicator()), String.valueOf(lowestMax));
            }
        });
        if (digital != null) {
            Indicator indicator = findIndicatorByCode(digital).orElseThrow();
            if (rules.digitalThreshold() < indicator.getMinPoints()
                    || rules.digitalThreshold() > indicator.getMaxPoints()) {
                throw BusinessRuleException.onField("digitalThreshold", "criteria.rules.thresholdOutsideScale",
                        String.valueOf(rules.digitalThreshold()), digital, String.valueOf(indicator.getMinPoints()),
                        String.valueOf(indicator.getMaxPoints()));
            }
            if (rules.proficientThreshold() < rules.digitalThreshold()
                    || rules.proficientThreshold() > indicator.getMaxPoints()) {
                throw BusinessRuleException.onField("proficientThreshold",
                        "criteria.rules.proficientOutsideScale", String.valueOf(rules.proficientThreshold()),
                        String.valueOf(rules.digitalThreshold()), String.valueOf(indicator.getMaxPoints()));
            }
        } else if (rules.proficientThreshold() < rules.digitalThreshold()) {
            throw BusinessRuleException.onField("proficientThreshold", "criteria.rules.proficientBelowDigital",
                    String.valueOf(rules.proficientThreshold()), String.valueOf(rules.digitalThreshold()));
        }
    }

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
        requireSatisfiable(rules, digital == null || digital.isBlank() ? null : digital);
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

    // ---- competencies ----

    Competency addCompetency(String competencyCode, String competencyName, Integer minPoints) {
        requireDraft();
        requireFreeCompetencyCode(competencyCode, null);
        int next = competencies.stream().mapToInt(Competency::getSortOrder).max().orElse(0) + 1;
        Competency competency = new Competency(this, competencyCode, competencyName, next, minPoints);
        competencies.add(competency);
        touch();
        return competency;
    }

    void changeCompetency(long competencyId, String newCode, String newName, Integer minPoints) {
        requireDraft();
        Competency competency = competency(competencyId);
        requireFreeCompetencyCode(newCode, competency);
        competency.change(newCode, newName, minPoints);
        touch();
    }

    void removeCompetency(long competencyId) {
        requireDraft();
        Competency competency = competency(competencyId);
        if (indicators.stream().anyMatch(i -> belongsTo(i, competency))) {
            throw new BusinessRuleException("criteria.competency.hasIndicators", competency.getCode());
        }
        competencies.remove(competency);
        touch();
    }

    /** Swaps the competency with its neighbour above (direction -1) or below (+1); at an end, nothing moves. */
    void moveCompetency(long competencyId, int direction) {
        requireDraft();
        List<Competency> ordered = competencies.stream()
                .sorted(Comparator.comparingInt(Competency::getSortOrder)).toList();
        swapWithNeighbour(ordered, competency(competencyId), direction, Competency::getSortOrder,
                Competency::setSortOrder);
        touch();
    }

    Competency competency(long competencyId) {
        return competencies.stream().filter(c -> Objects.equals(c.getId(), competencyId)).findFirst()
                .orElseThrow(() -> new vn.khuyenhoc.cdht.shared.NotFoundException("competency " + competencyId));
    }

    // ---- indicators ----

    Indicator addIndicator(long competencyId, String indicatorCode, String indicatorName, int minPoints,
            int maxPoints, Integer mandatoryMin) {
        requireDraft();
        Competency competency = competency(competencyId);
        requireFreeIndicatorCode(indicatorCode, null);
        requireBounds(minPoints, maxPoints, mandatoryMin);
        Indicator indicator = new Indicator(this, competency, indicatorCode, nextIndicatorOrder(), indicatorName,
                minPoints, maxPoints, mandatoryMin);
        indicators.add(indicator);
        touch();
        return indicator;
    }

    /** Changes an indicator; a new code carries the digital-skills choice along with it. */
    void changeIndicator(long indicatorId, long competencyId, String newCode, String newName, int minPoints,
            int maxPoints, Integer mandatoryMin) {
        requireDraft();
        Indicator indicator = indicator(indicatorId);
        Competency competency = competency(competencyId);
        requireFreeIndicatorCode(newCode, indicator);
        requireBounds(minPoints, maxPoints, mandatoryMin);
        if (indicator.getCode().equals(digitalIndicatorCode)) {
            digitalIndicatorCode = newCode;
        }
        boolean moved = !belongsTo(indicator, competency);
        indicator.change(competency, newCode, newName, minPoints, maxPoints, mandatoryMin);
        if (moved) {
            indicator.setSortOrder(nextIndicatorOrder());
        }
        touch();
    }

    void wordIndicator(long indicatorId, String groupCode, String wording, String evidenceHint) {
        requireDraft();
        if (!targetGroupCodes.contains(groupCode)) {
            throw new BusinessRuleException("criteria.group.notIn", groupCode);
        }
        indicator(indicatorId).word(groupCode, wording, evidenceHint);
        touch();
    }

    void removeIndicator(long indicatorId) {
        requireDraft();
        Indicator indicator = indicator(indicatorId);
        if (indicator.getCode().equals(digitalIndicatorCode)) {
            digitalIndicatorCode = null;
        }
        indicators.remove(indicator);
        touch();
    }

    /** Moves the indicator up or down among the indicators of its own competency. */
    void moveIndicator(long indicatorId, int direction) {
        requireDraft();
        Indicator indicator = indicator(indicatorId);
        List<Indicator> siblings = indicators.stream()
                .filter(i -> Objects.equals(i.getCompetency().getId(), indicator.getCompetency().getId()))
                .sorted(Comparator.comparingInt(Indicator::getSortOrder)).toList();
        swapWithNeighbour(siblings, indicator, direction, Indicator::getSortOrder, Indicator::setSortOrder);
        touch();
    }

    Indicator indicator(long indicatorId) {
        return indicators.stream().filter(i -> Objects.equals(i.getId(), indicatorId)).findFirst()
                .orElseThrow(() -> new vn.khuyenhoc.cdht.shared.NotFoundException("indicator " + indicatorId));
    }

    Optional<Indicator> findIndicatorByCode(String indicatorCode) {
        return indicators.stream().filter(i -> i.getCode().equals(indicatorCode)).findFirst();
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

    // ---- rules of the draft's own shape ----

    private void requireFreeCompetencyCode(String competencyCode, Competency self) {
        if (competencies.stream().anyMatch(c -> c != self && c.getCode().equals(competencyCode))) {
            throw BusinessRuleException.onField("code", "criteria.competency.codeTaken", competencyCode);
        }
    }

    private void requireFreeIndicatorCode(String indicatorCode, Indicator self) {
        if (indicators.stream().anyMatch(i -> i != self && i.getCode().equals(indicatorCode))) {
            throw BusinessRuleException.onField("code", "criteria.indicator.codeTaken", indicatorCode);
        }
    }

    private static void requireBounds(int minPoints, int maxPoints, Integer mandatoryMin) {
        if (maxPoints <= minPoints) {
            throw BusinessRuleException.onField("maxPoints", "criteria.indicator.maxNotAboveMin");
        }
        if (mandatoryMin != null && (mandatoryMin < minPoints || mandatoryMin > maxPoints)) {
            throw BusinessRuleException.onField("mandatoryMin", "criteria.indicator.mandatoryOutOfBounds",
                    minPoints, maxPoints);
        }
    }

    /** Compares ids: the indicator's competency may be a lazy proxy of the list's element. */
    private static boolean belongsTo(Indicator indicator, Competency competency) {
        return Objects.equals(indicator.getCompetency().getId(), competency.getId());
    }

    private int nextIndicatorOrder() {
        return indicators.stream().mapToInt(Indicator::getSortOrder).max().orElse(0) + 1;
    }

    private static <T> void swapWithNeighbour(List<T> ordered, T item, int direction, Function<T, Integer> order,
            java.util.function.ObjIntConsumer<T> setOrder) {
        int index = ordered.indexOf(item);
        int other = index + Integer.signum(direction);
        if (index < 0 || other < 0 || other >= ordered.size()) {
            return;
        }
        T neighbour = ordered.get(other);
        int mine = order.apply(item);
        int theirs = order.apply(neighbour);
        if (mine == theirs) {
            // equal orders (never written by this class, but possible in hand-made data): make them distinct
            theirs = mine + Integer.signum(direction);
        }
        setOrder.accept(item, theirs);
        setOrder.accept(neighbour, mine);
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
