package vn.khuyenhoc.cdht.portal;

/** OPEN, USED and REVOKED are stored; EXPIRED is an OPEN invitation past its end. */
public enum InvitationStatus {
    OPEN,
    USED,
    REVOKED,
    EXPIRED
}
