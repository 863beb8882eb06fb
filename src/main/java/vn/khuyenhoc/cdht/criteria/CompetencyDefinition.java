package vn.khuyenhoc.cdht.criteria;

/**
 * A competency (năng lực) of a criteria set.
 *
 * @param minPoints optional: its indicators must add up to at least this many points; null when not configured
 */
public record CompetencyDefinition(long id, String code, String name, int order, Integer minPoints) {
}
