package vn.khuyenhoc.cdht.citizen;

/**
 * What other modules and pages see of a citizen. The CCCD appears only masked (e.g. 0381••••••45), never in
 * full: nothing outside {@link CitizenIdNumbers} ever holds the clear number after a save.
 */
public record CitizenSummary(
        long id,
        String fullName,
        int birthYear,
        Gender gender,
        long residenceUnitId,
        String residenceCode,
        String residenceName,
        String targetGroup,
        Long workplaceId,
        Long householdId,
        Long clanId,
        String phone,
        String maskedIdNumber,
        long version) {
}
