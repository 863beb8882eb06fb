package vn.khuyenhoc.cdht.portal;

import java.io.Serializable;
import java.util.List;

/**
 * The invitations a staff member just issued, with their codes in clear, kept in that staff member's own session
 * (and nowhere else) so that the slips can be printed and the links shared right after issuing. It goes with the
 * session (sign-out, 30-minute timeout) or is replaced by the next batch; a lost code is never recovered: issue
 * the citizen a new invitation, which revokes the old one.
 */
record IssuedBatch(long userId, String baseUrl, List<IssuedInvitation> invitations) implements Serializable {

    static final String SESSION_ATTRIBUTE = "cdht.portal.issued";

    IssuedBatch {
        invitations = List.copyOf(invitations);
    }

    String link(IssuedInvitation invitation) {
        return baseUrl + "/c/i/" + invitation.code();
    }
}
