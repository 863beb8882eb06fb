package vn.khuyenhoc.cdht.criteria;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * The competencies and indicators of one criteria set, as a tree: adding, changing, removing, ordering and copying
 * them, with the rules of the tree's own shape (codes unique within the set, an indicator's bounds, an indicator
 * under one of the set's competencies). It works on the set's own lists; {@link CriteriaSet} checks that the set is
 * a draft and records the change.
 */
final class CriteriaTree {

    private final CriteriaSet set;
    private final List<Competency> competencies;
    private final List<Indicator> indicators;

    CriteriaTree(CriteriaSet set, List<Competency> competencies, List<Indicator> indicators) {
        this.set = set;
        this.competencies = competencies;
        this.indicators = indicators;
    }

    // ---- competencies ----

    Competency addCompetency(String competencyCode, String competencyName, Integer minPoints) {
        requireFreeCompetencyCode(competencyCode, null);
        int next = competencies.stream().mapToInt(Competency::getSortOrder).max().orElse(0) + 1;
        Competency competency = new Competency(set, competencyCode, competencyName, next, minPoints);
        competencies.add(competency);
        return competency;
    }

    void changeCompetency(long competencyId, String newCode, String newName, Integer minPoints) {
        Competency competency = competency(competencyId);
        requireFreeCompetencyCode(newCode, competency);
        competency.change(newCode, newName, minPoints);
    }

    void removeCompetency(long competencyId) {
        Competency competency = competency(competencyId);
        if (indicators.stream().anyMatch(i -> belongsTo(i, competency))) {
            throw new BusinessRuleException("criteria.competency.hasIndicators", competency.getCode());
        }
        competencies.remove(competency);
    }

    /** Swaps the competency with its neighbour above (direction -1) or below (+1); at an end, nothing moves. */
    void moveCompetency(long competencyId, int direction) {
        List<Competency> ordered = competencies.stream()
                .sorted(Comparator.comparingInt(Competency::getSortOrder)).toList();
        swapWithNeighbour(ordered, competency(competencyId), direction, Competency::getSortOrder,
                Competency::setSortOrder);
    }

    Competency competency(long competencyId) {
        return competencies.stream().filter(c -> Objects.equals(c.getId(), competencyId)).findFirst()
                .orElseThrow(() -> new NotFoundException("competency " + competencyId));
    }

    // ---- indicators ----

    Indicator addIndicator(long competencyId, String indicatorCode, String indicatorName, int minPoints,
            int maxPoints, Integer mandatoryMin) {
        Competency competency = competency(competencyId);
        requireFreeIndicatorCode(indicatorCode, null);
        requireBounds(minPoints, maxPoints, mandatoryMin);
        Indicator indicator = new Indicator(set, competency, indicatorCode, nextIndicatorOrder(), indicatorName,
                minPoints, maxPoints, mandatoryMin);
        indicators.add(indicator);
        return indicator;
    }

    /** Changes an indicator (moved to another competency, it goes last); returns the code it had before. */
    String changeIndicator(long indicatorId, long competencyId, String newCode, String newName, int minPoints,
            int maxPoints, Integer mandatoryMin) {
        Indicator indicator = indicator(indicatorId);
        Competency competency = competency(competencyId);
        requireFreeIndicatorCode(newCode, indicator);
        requireBounds(minPoints, maxPoints, mandatoryMin);
        String oldCode = indicator.getCode();
        boolean moved = !belongsTo(indicator, competency);
        indicator.change(competency, newCode, newName, minPoints, maxPoints, mandatoryMin);
        if (moved) {
            indicator.setSortOrder(nextIndicatorOrder());
        }
        return oldCode;
    }

    /** Removes an indicator; returns its code. */
    String removeIndicator(long indicatorId) {
        Indicator indicator = indicator(indicatorId);
        indicators.remove(indicator);
        return indicator.getCode();
    }

    /** Moves the indicator up or down among the indicators of its own competency. */
    void moveIndicator(long indicatorId, int direction) {
        Indicator indicator = indicator(indicatorId);
        List<Indicator> siblings = indicators.stream()
                .filter(i -> Objects.equals(i.getCompetency().getId(), indicator.getCompetency().getId()))
                .sorted(Comparator.comparingInt(Indicator::getSortOrder)).toList();
        swapWithNeighbour(siblings, indicator, direction, Indicator::getSortOrder, Indicator::setSortOrder);
    }

    Indicator indicator(long indicatorId) {
        return indicators.stream().filter(i -> Objects.equals(i.getId(), indicatorId)).findFirst()
                .orElseThrow(() -> new NotFoundException("indicator " + indicatorId));
    }

    Optional<Indicator> findIndicatorByCode(String indicatorCode) {
        return indicators.stream().filter(i -> i.getCode().equals(indicatorCode)).findFirst();
    }

    /** Puts a twin of every competency and indicator (wording included) into another set's empty tree. */
    void copyInto(CriteriaTree target) {
        // by id: an indicator's competency may be a lazy proxy, never the same object as the list's element
        Map<Long, Competency> copied = new HashMap<>();
        for (Competency c : competencies) {
            Competency twin = new Competency(target.set, c.getCode(), c.getName(), c.getSortOrder(),
                    c.getMinPoints());
            target.competencies.add(twin);
            copied.put(c.getId(), twin);
        }
        for (Indicator i : indicators) {
            Indicator twin = new Indicator(target.set, copied.get(i.getCompetency().getId()), i.getCode(),
                    i.getSortOrder(), i.getName(), i.getMinPoints(), i.getMaxPoints(), i.getMandatoryMin());
            i.getWordings().forEach((group, w) -> twin.word(group, w.getWording(), w.getEvidenceHint()));
            target.indicators.add(twin);
        }
    }

    // ---- rules of the tree's own shape ----

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
            ObjIntConsumer<T> setOrder) {
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
}
