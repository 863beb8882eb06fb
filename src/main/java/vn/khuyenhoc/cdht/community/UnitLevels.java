package vn.khuyenhoc.cdht.community;

import java.util.Set;

/** The unit level codes this module and the citizen module attach data to (seeded by the area module). */
public final class UnitLevels {

    public static final String PROVINCE = "province";
    public static final String COMMUNE = "commune";
    public static final String HAMLET = "hamlet";
    /** Where people live: a hamlet, or a commune without hamlets. */
    public static final Set<String> RESIDENCE = Set.of(HAMLET, COMMUNE);

    private UnitLevels() {
    }
}
