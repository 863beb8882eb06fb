package vn.khuyenhoc.cdht.portal;

import java.io.Serializable;
import java.util.List;

/**
 * The invitations a staff member just issued, with their codes in clear, kept sealed in the database for 30 minutes
 * ({@link IssuedCodes}) and reachable only through the id in the issuing session, so that the slips can be printed
 * and the links shared right after issuing, on whichever node. It goes with the session or its 30 minutes, or is
 * replaced by the next batch; a lost code is never recovered: issue the citizen a new invitation, which revokes the
 * old one.
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
