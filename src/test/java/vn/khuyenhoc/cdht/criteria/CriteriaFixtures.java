package vn.khuyenhoc.cdht.criteria;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** In-memory criteria sets for tests that need no database: QĐ 324 as seeded, and variations of its rules. */
final class CriteriaFixtures {

    static final List<String> GROUPS = List.of("FARMER", "WORKER", "OFFICIAL", "OTHER");

    private CriteriaFixtures() {
    }

    /** QĐ 324/QĐ-KHVN: 3 competencies (indicators 1–4, 5–8, 9–10), 10 indicators 0–10, digital indicator 5. */
    static CriteriaDefinition qd324() {
        return qd324(ScoringRules.defaults("5"), Map.of(), Map.of());
    }

    static CriteriaDefinition qd324(ScoringRules rules) {
        return qd324(rules, Map.of(), Map.of());
    }

    /**
     * @param competencyMinimums competency code → minimum points
     * @param mandatoryMinimums  indicator code → the score a mandatory indicator must reach
     */
    static CriteriaDefinition qd324(ScoringRules rules, Map<String, Integer> competencyMinimums,
            Map<String, Integer> mandatoryMinimums) {
        List<CompetencyDefinition> competencies = List.of(
                new CompetencyDefinition(1, "1", "Tự học và học tập suốt đời", 1, competencyMinimums.get("1")),
                new CompetencyDefinition(2, "2", "Sử dụng các công cụ tương tác", 2, competencyMinimums.get("2")),
                new CompetencyDefinition(3, "3", "Xây dựng và thực hiện các mối quan hệ xã hội", 3,
                        competencyMinimums.get("3")));
        List<IndicatorDefinition> indicators = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String competency = i <= 4 ? "1" : i <= 8 ? "2" : "3";
            String code = String.valueOf(i);
            Map<String, IndicatorWording> wordings = new LinkedHashMap<>();
            for (String group : GROUPS) {
                wordings.put(group, new IndicatorWording("Chỉ số " + i + " cho " + group, "Minh chứng " + i));
            }
            indicators.add(new IndicatorDefinition(100 + i, code, competency, i, "Chỉ số " + i, 0, 10,
                    mandatoryMinimums.get(code), wordings));
        }
        return new CriteriaDefinition(1, "QD324-KHVN", "Bộ tiêu chí", null, 1, CriteriaStatus.PUBLISHED, 2022, 2030,
                100, rules, GROUPS, competencies, indicators);
    }

    /** Scores for indicators "1".."10" in order. */
    static Map<String, Integer> scores(int... values) {
        Map<String, Integer> scores = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            scores.put(String.valueOf(i + 1), values[i]);
        }
        return scores;
    }

    static Map<String, Integer> all(int value) {
        int[] values = new int[10];
        java.util.Arrays.fill(values, value);
        return scores(values);
    }
}
