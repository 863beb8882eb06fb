package vn.khuyenhoc.cdht.community;

/** Published after a collective's status for a year is recorded or corrected, inside the changing transaction. */
public record CollectiveStatusChanged(long collectiveId, CollectiveKind kind, long unitId, int year) {
}
