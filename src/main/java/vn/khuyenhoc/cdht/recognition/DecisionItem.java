package vn.khuyenhoc.cdht.recognition;

import java.time.Instant;
import vn.khuyenhoc.cdht.citizen.Gender;

/** One citizen of a decision as its pages and documents show them. */
public record DecisionItem(long id, long assessmentId, long citizenId, int position, String citizenName,
        int birthYear, String hamletName, Gender gender, ItemOutcome outcome, Instant revokedAt, String revokedBy,
        String revokeReason) {

    /** How a certificate addresses the citizen: "Ông", "Bà", or "Ông/Bà" when the gender is not known as either. */
    public String honorificKey() {
        return "recognition.pdf.honorific." + (gender == null ? "UNKNOWN" : gender.name());
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    public boolean recognised() {
        return outcome == ItemOutcome.RECOGNISED;
    }

    /** Recognised and not revoked: holds the title. */
    public boolean holdsTitle() {
        return recognised() && !revoked();
    }
}
