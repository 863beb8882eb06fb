package vn.khuyenhoc.cdht.community;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The four collectives of Decision 387/QĐ-TTg, each recognised yearly, and the unit levels each may hang on.
 * Level codes are the area module's seeded ones (V1__area.sql).
 */
public enum CollectiveKind {
    HOUSEHOLD("households", Set.of(UnitLevels.HAMLET, UnitLevels.COMMUNE)),
    CLAN("clans", Set.of(UnitLevels.HAMLET, UnitLevels.COMMUNE)),
    /** The learning community of one hamlet: at most one per hamlet unit. */
    COMMUNITY("communities", Set.of(UnitLevels.HAMLET)),
    LEARNING_UNIT("learning-units", Set.of(UnitLevels.COMMUNE, UnitLevels.PROVINCE));

    private final String slug;
    private final Set<String> unitLevels;

    CollectiveKind(String slug, Set<String> unitLevels) {
        this.slug = slug;
        this.unitLevels = unitLevels;
    }

    /** The part of the URL that names this kind: /community/{slug}. */
    public String slug() {
        return slug;
    }

    /** Level codes of the units a collective of this kind may be attached to. */
    public Set<String> unitLevels() {
        return unitLevels;
    }

    public static Optional<CollectiveKind> fromSlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
