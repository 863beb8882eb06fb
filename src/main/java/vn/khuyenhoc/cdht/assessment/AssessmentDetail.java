package vn.khuyenhoc.cdht.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.context.MessageSourceResolvable;
import vn.khuyenhoc.cdht.criteria.Channel;
import vn.khuyenhoc.cdht.criteria.ScoreResult;

/**
 * One assessment as its pages show it: the header, the indicators of its set worded for the citizen's target
 * group with both scores, the engine's results, and what the signed-in user may do with it now.
 *
 * @param selfResult     the engine's result on the self-scores; null while one is missing
 * @param verifiedResult the engine's result on the verified scores; null until verified
 * @param criteriaSetTitle the set's name and version, as pages name it (never its code)
 * @param enteredBy      who started the assessment; scoresChangedBy who last changed its self-scores (null: none yet)
 * @param actions        the workflow actions the user may take now (role, unit, state and separation of duties)
 */
public record AssessmentDetail(long id, long citizenId, String citizenName, int citizenBirthYear, long unitId,
        String unitName, int year, long criteriaSetId, MessageSourceResolvable criteriaSetTitle,
        String targetGroupCode, String targetGroupName, Channel channel, AssessmentState state, Integer selfTotal,
        Boolean selfPassed, Integer verifiedTotal, Boolean verifiedPassed, Boolean hasDigitalSkills,
        Boolean digitalProficient, String returnReason, String enteredBy, String scoresChangedBy, Instant createdAt,
        Instant submittedAt, String submittedBy, Instant verifiedAt, String verifiedBy, long version, int maxTotal,
        List<Section> sections, ScoreResult selfResult, ScoreResult verifiedResult, Set<WorkflowAction> actions) {

    public AssessmentDetail {
        sections = List.copyOf(sections);
        actions = Set.copyOf(actions);
    }

    /** For templates: whether the user may take the action (by name) now. */
    public boolean may(String action) {
        return actions.contains(WorkflowAction.valueOf(action));
    }

    public List<Line> lines() {
        return sections.stream().flatMap(s -> s.lines().stream()).toList();
    }

    public Line line(String code) {
        return lines().stream().filter(l -> l.code().equals(code)).findFirst().orElse(null);
    }

    /** The result that counts: the verified one once there is one. */
    public Boolean passed() {
        return verifiedPassed != null ? verifiedPassed : selfPassed;
    }

    /** A competency of the form with its indicators. */
    public record Section(String code, String name, List<Line> lines) {

        public Section {
            lines = List.copyOf(lines);
        }

        /** The competency's highest possible points: its indicators' maximums added up. */
        public int maxPoints() {
            return lines.stream().mapToInt(Line::maxPoints).sum();
        }

        /** The self-scores of its indicators added up; null while none is entered. */
        public Integer selfPoints() {
            return sum(lines.stream().map(Line::selfScore).toList());
        }

        /** The verified scores added up; null until verified. */
        public Integer verifiedPoints() {
            return sum(lines.stream().map(Line::verifiedScore).toList());
        }

        private static Integer sum(List<Integer> scores) {
            return scores.stream().allMatch(Objects::isNull) ? null
                    : scores.stream().filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * One indicator: its wording for the target group, bounds, and both scores with their notes.
     *
     * @param index position on the form across sections (the index of the posted row)
     */
    public record Line(int index, String code, String wording, String evidenceHint, int minPoints, int maxPoints,
            boolean digital, Integer selfScore, String evidenceNote, Integer verifiedScore, String verifierNote) {

        /** The verifier changed the self-score. */
        public boolean differs() {
            return verifiedScore != null && !Objects.equals(selfScore, verifiedScore);
        }
    }
}
