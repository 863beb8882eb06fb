package vn.khuyenhoc.cdht.assessment;

import java.util.List;
import vn.khuyenhoc.cdht.citizen.Gender;
import vn.khuyenhoc.cdht.criteria.RuleFailure;

/**
 * A verified assessment waiting for (or given) a recognition decision, with the engine's verdict on its verified
 * scores: {@code failures} is empty when it passed, else every rule it failed (message key and arguments).
 *
 * @param version pass it back to {@link AssessmentDecisions#applyDecision} so a stale list is refused
 */
public record DecisionCandidate(long assessmentId, long citizenId, String citizenName, int birthYear, Gender gender,
        long unitId, String unitName, int year, String targetGroup, AssessmentState state, int verifiedTotal,
        boolean verifiedPassed, boolean hasDigitalSkills, boolean digitalProficient, List<RuleFailure> failures,
        long version) {

    public DecisionCandidate {
        failures = List.copyOf(failures);
    }
}
