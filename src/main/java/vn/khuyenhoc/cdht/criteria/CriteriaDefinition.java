package vn.khuyenhoc.cdht.criteria;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSourceResolvable;

/**
 * A whole criteria set as one immutable value: what the scoring engine needs and what a form shows. A published
 * set never changes, so an assessment that names its id is always scored the same way.
 *
 * @param competencies in form order
 * @param indicators   in form order (by competency, then by position inside it)
 */
public record CriteriaDefinition(long id, String code, String name, String legalBasis, int versionNumber,
        CriteriaStatus status, int yearFrom, int yearTo, int totalPoints, ScoringRules rules,
        List<String> targetGroupCodes, List<CompetencyDefinition> competencies, List<IndicatorDefinition> indicators) {

    public CriteriaDefinition {
        targetGroupCodes = List.copyOf(targetGroupCodes);
        competencies = competencies.stream().sorted(Comparator.comparingInt(CompetencyDefinition::order)).toList();
        Map<String, Integer> competencyOrder = competencies.stream()
                .collect(Collectors.toMap(CompetencyDefinition::code, CompetencyDefinition::order, (a, b) -> a));
        indicators = indicators.stream()
                .sorted(Comparator.<IndicatorDefinition>comparingInt(
                                i -> competencyOrder.getOrDefault(i.competencyCode(), Integer.MAX_VALUE))
                        .thenComparingInt(IndicatorDefinition::order))
                .toList();
    }

    /** "QD324-KHVN v1": the set's code and version, for logs and the JSON API; people read {@link #title()}. */
    public String label() {
        return code + " v" + versionNumber;
    }

    /** How pages and messages name a version to people: its name and version number, worded by the bundle. */
    public MessageSourceResolvable title() {
        return CriteriaSetSummary.title(name, versionNumber);
    }

    public boolean appliesTo(int year) {
        return yearFrom <= year && year <= yearTo;
    }

    public boolean hasTargetGroup(String targetGroupCode) {
        return targetGroupCode != null && targetGroupCodes.contains(targetGroupCode);
    }

    public Optional<IndicatorDefinition> indicator(String indicatorCode) {
        return indicators.stream().filter(i -> i.code().equals(indicatorCode)).findFirst();
    }

    public Optional<CompetencyDefinition> competency(String competencyCode) {
        return competencies.stream().filter(c -> c.code().equals(competencyCode)).findFirst();
    }

    public List<IndicatorDefinition> indicatorsOf(String competencyCode) {
        return indicators.stream().filter(i -> i.competencyCode().equals(competencyCode)).toList();
    }

    /** The sum of the indicators' maximum points (publishing requires it to equal {@link #totalPoints()}). */
    public int maxTotal() {
        return indicators.stream().mapToInt(IndicatorDefinition::maxPoints).sum();
    }

    public Map<String, IndicatorDefinition> indicatorsByCode() {
        return indicators.stream().collect(Collectors.toMap(IndicatorDefinition::code, Function.identity()));
    }
}
