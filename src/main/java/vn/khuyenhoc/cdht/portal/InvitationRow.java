package vn.khuyenhoc.cdht.portal;

import java.time.Instant;

/** One invitation in the staff list. */
public record InvitationRow(long id, long citizenId, String citizenName, String unitName, InvitationStatus status,
        Instant expiresAt, Instant issuedAt, String issuedBy, Instant usedAt, Instant revokedAt, String revokedBy,
        boolean mayRevoke) {

    public String expires() {
        return Times.format(expiresAt);
    }

    public String issued() {
        return Times.format(issuedAt);
    }

    public String used() {
        return Times.format(usedAt);
    }

    public boolean revocable() {
        return mayRevoke && status == InvitationStatus.OPEN;
    }
}
