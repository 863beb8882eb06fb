package vn.khuyenhoc.cdht.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.khuyenhoc.cdht.criteria.CriteriaDefinition;
import vn.khuyenhoc.cdht.criteria.IndicatorDefinition;
import vn.khuyenhoc.cdht.criteria.ScoreProblem;
import vn.khuyenhoc.cdht.criteria.ScoringEngine;

/**
 * The scores and notes of a posted form, checked against the set by the scoring engine (known indicators,
 * scores within their bounds; a partial form is fine), notes trimmed (blank is none) and not too long.
 */
record ScoresInput(Map<String, Integer> scores, Map<String, String> notes, List<ScoreProblem> problems) {

    static ScoresInput read(CriteriaDefinition criteria, Map<String, ScoreEntry> entries) {
        Map<String, Integer> given = new HashMap<>();
        Map<String, String> notes = new HashMap<>();
        List<ScoreProblem> noteProblems = new ArrayList<>();
        Map<String, IndicatorDefinition> known = criteria.indicatorsByCode();
        for (Map.Entry<String, ScoreEntry> entry : (entries == null ? Map.<String, ScoreEntry>of() : entries)
                .entrySet()) {
            String code = entry.getKey();
            ScoreEntry value = entry.getValue() == null ? new ScoreEntry(null, null) : entry.getValue();
            // an unknown indicator is the engine's problem even without a score
            given.put(code, value.score());
            String note = value.note() == null ? "" : value.note().trim();
            if (!known.containsKey(code)) {
                continue;
            }
            if (note.length() > Assessments.NOTE_MAX) {
                noteProblems.add(new ScoreProblem(code, Assessments.NOTE_TOO_LONG, List.of(code, Assessments.NOTE_MAX)));
            } else if (!note.isEmpty()) {
                notes.put(code, note);
            }
        }
        List<ScoreProblem> problems = new ArrayList<>(ScoringEngine.problems(criteria, given, false));
        Set<String> refused = new HashSet<>();
        problems.forEach(p -> refused.add(p.indicatorCode()));
        problems.addAll(noteProblems);
        Map<String, Integer> scores = new HashMap<>();
        given.forEach((code, score) -> {
            if (score != null && !refused.contains(code)) {
                scores.put(code, score);
            }
        });
        return new ScoresInput(scores, notes, problems);
    }

    boolean complete(CriteriaDefinition criteria) {
        return criteria.indicators().stream().allMatch(i -> scores.containsKey(i.code()));
    }
}
