package vn.khuyenhoc.cdht.portal;

import java.time.Instant;

/**
 * An invitation just issued, with its code in clear: it exists only in this object (and the issuing staff member's
 * session until they print the slips); the database keeps the hash.
 */
public record IssuedInvitation(long id, long citizenId, String citizenName, String unitName, int year,
        String reference, String code, Instant expiresAt) implements java.io.Serializable {

    /** The code as printed: two groups of five. */
    public String displayCode() {
        return Secrets.display(code);
    }
}
