package vn.khuyenhoc.cdht.community;

/**
 * Published after a collective is created or changed, inside the changing transaction (for the roll-ups):
 * previousUnitId is the unit it hung on before (the same as unitId on create or when the unit is unchanged).
 */
public record CollectiveChanged(long collectiveId, CollectiveKind kind, long previousUnitId, long unitId) {
}
