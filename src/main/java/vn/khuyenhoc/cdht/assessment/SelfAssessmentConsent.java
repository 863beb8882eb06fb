package vn.khuyenhoc.cdht.assessment;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The port through which the workflow asks whether a citizen has withdrawn their consent to the processing of the
 * self-assessment they typed on the portal. The portal module owns that rule (the notice, the consent log) and
 * implements this as a bean; without it nobody has withdrawn ({@link #none()}). While consent is withdrawn, an
 * assessment whose self-scores the citizen typed on the portal may not be submitted or verified by staff
 * ({@link AssessmentAccess}), and staff see when consent was withdrawn on its page.
 */
public interface SelfAssessmentConsent {

    /** When the citizen withdrew their consent, if their latest word is a withdrawal. */
    Optional<Instant> withdrawnAt(long citizenId);

    /** Of these citizens, those whose latest word is a withdrawal (for lists: one question, not one per row). */
    default Set<Long> withdrawnAmong(Collection<Long> citizenIds) {
        Set<Long> withdrawn = new HashSet<>();
        for (Long id : citizenIds) {
            if (withdrawnAt(id).isPresent()) {
                withdrawn.add(id);
            }
        }
        return withdrawn;
    }

    static SelfAssessmentConsent none() {
        return citizenId -> Optional.empty();
    }
}
