package vn.khuyenhoc.cdht.criteria;

import java.util.List;

/**
 * The self-assessment form of one criteria set for one target group, in form order: each competency with its
 * indicators, worded for the group.
 */
public record CriteriaForm(CriteriaDefinition criteria, TargetGroupOption targetGroup, List<Section> sections) {

    public CriteriaForm {
        sections = List.copyOf(sections);
    }

    static CriteriaForm of(CriteriaDefinition criteria, TargetGroupOption group) {
        List<Section> sections = criteria.competencies().stream()
                .map(c -> new Section(c, criteria.indicatorsOf(c.code()).stream()
                        .map(i -> i.wordingFor(group.code())
                                .map(w -> new Item(i, w.wording(), w.evidenceHint(), true))
                                .orElseGet(() -> new Item(i, i.name(), null, false)))
                        .toList()))
                .toList();
        return new CriteriaForm(criteria, group, sections);
    }

    public List<Item> items() {
        return sections.stream().flatMap(s -> s.items().stream()).toList();
    }

    public record Section(CompetencyDefinition competency, List<Item> items) {

        public Section {
            items = List.copyOf(items);
        }
    }

    /**
     * @param wording the group's wording, or the indicator's own text when the group has none ({@code worded} false)
     */
    public record Item(IndicatorDefinition indicator, String wording, String evidenceHint, boolean worded) {
    }
}
