package vn.khuyenhoc.cdht.criteria;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What differs between two versions of a criteria set, as sentences for the publish confirmation page: header and
 * years, the pass and digital-skill rules, target groups, competencies, indicators and each group's wording. Pure:
 * looks only at the two definitions.
 */
final class CriteriaDiff {

    private CriteriaDiff() {
    }

    /**
     * @param groupNames target group code → name, to name groups in the sentences
     */
    static List<Change> between(CriteriaDefinition before, CriteriaDefinition after, Map<String, String> groupNames) {
        List<Change> changes = new ArrayList<>();
        if (!before.name().equals(after.name())) {
            changes.add(Change.of("criteria.diff.name", before.name(), after.name()));
        }
        if (!Objects.equals(before.legalBasis(), after.legalBasis())) {
            changes.add(Change.of("criteria.diff.legalBasis", text(before.legalBasis()), text(after.legalBasis())));
        }
        if (before.yearFrom() != after.yearFrom() || before.yearTo() != after.yearTo()) {
            changes.add(Change.of("criteria.diff.years", years(before), years(after)));
        }
        number(changes, "criteria.diff.totalPoints", before.totalPoints(), after.totalPoints());
        rules(changes, before.rules(), after.rules());
        groups(changes, before, after, groupNames);
        competencies(changes, before, after);
        indicators(changes, before, after, groupNames);
        return changes;
    }

    private static void rules(List<Change> changes, ScoringRules before, ScoringRules after) {
        number(changes, "criteria.diff.minTotal", before.minTotal(), after.minTotal());
        number(changes, "criteria.diff.minPerIndicator", before.minPerIndicator(), after.minPerIndicator());
        if (!Objects.equals(before.digitalIndicatorCode(), after.digitalIndicatorCode())) {
            changes.add(Change.of("criteria.diff.digitalIndicator", text(before.digitalIndicatorCode()),
                    text(after.digitalIndicatorCode())));
        }
        number(changes, "criteria.diff.digitalThreshold", before.digitalThreshold(), after.digitalThreshold());
        number(changes, "criteria.diff.proficientThreshold", before.proficientThreshold(),
                after.proficientThreshold());
        if (before.proficientWhenOnlineSelf() != after.proficientWhenOnlineSelf()) {
            changes.add(Change.of(after.proficientWhenOnlineSelf() ? "criteria.diff.onlineSelfOn"
                    : "criteria.diff.onlineSelfOff"));
        }
    }

    private static void groups(List<Change> changes, CriteriaDefinition before, CriteriaDefinition after,
            Map<String, String> names) {
        for (String code : after.targetGroupCodes()) {
            if (!before.hasTargetGroup(code)) {
                changes.add(Change.of("criteria.diff.groupAdded", names.getOrDefault(code, code)));
            }
        }
        for (String code : before.targetGroupCodes()) {
            if (!after.hasTargetGroup(code)) {
                changes.add(Change.of("criteria.diff.groupRemoved", names.getOrDefault(code, code)));
            }
        }
    }

    private static void competencies(List<Change> changes, CriteriaDefinition before, CriteriaDefinition after) {
        for (CompetencyDefinition now : after.competencies()) {
            Optional<CompetencyDefinition> was = before.competency(now.code());
            if (was.isEmpty()) {
                changes.add(Change.of("criteria.diff.competencyAdded", now.code(), now.name()));
                continue;
            }
            if (!was.get().name().equals(now.name())) {
                changes.add(Change.of("criteria.diff.competencyName", now.code(), was.get().name(), now.name()));
            }
            if (!Objects.equals(was.get().minPoints(), now.minPoints())) {
                changes.add(Change.of("criteria.diff.competencyMin", now.code(), text(was.get().minPoints()),
                        text(now.minPoints())));
            }
        }
        for (CompetencyDefinition was : before.competencies()) {
            if (after.competency(was.code()).isEmpty()) {
                changes.add(Change.of("criteria.diff.competencyRemoved", was.code(), was.name()));
            }
        }
    }

    private static void indicators(List<Change> changes, CriteriaDefinition before, CriteriaDefinition after,
            Map<String, String> names) {
        for (IndicatorDefinition now : after.indicators()) {
            Optional<IndicatorDefinition> found = before.indicator(now.code());
            if (found.isEmpty()) {
                changes.add(Change.of("criteria.diff.indicatorAdded", now.code(), now.name(), now.minPoints(),
                        now.maxPoints()));
                continue;
            }
            IndicatorDefinition was = found.get();
            if (!was.name().equals(now.name())) {
                changes.add(Change.of("criteria.diff.indicatorName", now.code(), was.name(), now.name()));
            }
            if (!was.competencyCode().equals(now.competencyCode())) {
                changes.add(Change.of("criteria.diff.indicatorMoved", now.code(), was.competencyCode(),
                        now.competencyCode()));
            }
            if (was.minPoints() != now.minPoints() || was.maxPoints() != now.maxPoints()) {
                changes.add(Change.of("criteria.diff.indicatorScale", now.code(),
                        was.minPoints() + "–" + was.maxPoints(), now.minPoints() + "–" + now.maxPoints()));
            }
            if (!Objects.equals(was.mandatoryMin(), now.mandatoryMin())) {
                changes.add(Change.of("criteria.diff.indicatorMandatory", now.code(), text(was.mandatoryMin()),
                        text(now.mandatoryMin())));
            }
            Set<String> groups = new LinkedHashSet<>(after.targetGroupCodes());
            groups.retainAll(before.targetGroupCodes());
            for (String group : groups) {
                IndicatorWording old = was.wordings().get(group);
                IndicatorWording neu = now.wordings().get(group);
                String groupName = names.getOrDefault(group, group);
                if (!Objects.equals(wording(old), wording(neu))) {
                    changes.add(Change.of("criteria.diff.wording", now.code(), groupName, text(wording(old)),
                            text(wording(neu))));
                }
                if (!Objects.equals(hint(old), hint(neu))) {
                    changes.add(Change.of("criteria.diff.evidence", now.code(), groupName, text(hint(old)),
                            text(hint(neu))));
                }
            }
        }
        for (IndicatorDefinition was : before.indicators()) {
            if (after.indicator(was.code()).isEmpty()) {
                changes.add(Change.of("criteria.diff.indicatorRemoved", was.code(), was.name()));
            }
        }
    }

    private static void number(List<Change> changes, String key, int before, int after) {
        if (before != after) {
            changes.add(Change.of(key, String.valueOf(before), String.valueOf(after)));
        }
    }

    private static String wording(IndicatorWording w) {
        return w == null || w.wording() == null || w.wording().isBlank() ? null : w.wording();
    }

    private static String hint(IndicatorWording w) {
        return w == null || w.evidenceHint() == null || w.evidenceHint().isBlank() ? null : w.evidenceHint();
    }

    /** Numbers as text: a message argument that is a number would print 2025 as "2.025". */
    private static String text(Object value) {
        return value == null ? "–" : String.valueOf(value);
    }

    private static String years(CriteriaDefinition set) {
        return set.yearFrom() + "–" + set.yearTo();
    }

    /** One difference, as a message key and its arguments. */
    record Change(String messageKey, List<Object> arguments) {

        static Change of(String messageKey, Object... arguments) {
            return new Change(messageKey, Arrays.asList(arguments));
        }

        public Object[] args() {
            return arguments.toArray();
        }
    }
}
