package vn.khuyenhoc.cdht.portal;

/** A citizen on the issue page, with the status of their latest invitation of the year (null: none). */
public record CitizenOption(long id, String fullName, String unitName, InvitationStatus invitationStatus) {
}
