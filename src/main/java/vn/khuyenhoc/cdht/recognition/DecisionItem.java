package vn.khuyenhoc.cdht.recognition;

import java.time.Instant;

/** One citizen of a decision as its pages and documents show them. */
public record DecisionItem(long id, long assessmentId, long citizenId, int position, String citizenName,
        int birthYear, String hamletName, ItemOutcome outcome, Instant revokedAt, String revokedBy,
        String revokeReason) {

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
