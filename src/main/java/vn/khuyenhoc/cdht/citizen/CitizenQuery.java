package vn.khuyenhoc.cdht.citizen;

/**
 * Filters of the citizen search; null or blank means "any". name matches without regard to accents; withinUnitId
 * limits to a unit's subtree; collectiveId to members of a household, clan or learning unit (workplace).
 */
public record CitizenQuery(String name, Long withinUnitId, String targetGroup, Long collectiveId) {
}
