package vn.khuyenhoc.cdht.assessment;

/** A citizen in scope who has no assessment for the year yet. */
public record CitizenToAssess(long citizenId, String fullName, int birthYear, String targetGroup, String unitName) {
}
