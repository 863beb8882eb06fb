package vn.khuyenhoc.cdht.report;

import java.util.EnumSet;
import java.util.Set;
import vn.khuyenhoc.cdht.shared.Role;
import vn.khuyenhoc.cdht.shared.RolePolicy;

/** Who may take the report module's actions (where: the unit's subtree). */
enum ReportPolicy implements RolePolicy {

    /** Set targets for units of their subtree and enter populations. */
    MANAGE_TARGETS(Role.ADMIN, Role.PROVINCE_OFFICER),
    /** Set national targets (no unit). */
    NATIONAL_TARGETS(Role.ADMIN),
    /** Rebuild the roll-ups from the source tables. */
    REBUILD(Role.ADMIN),
    /** Upload and remove unit boundaries for the maps. */
    MANAGE_BOUNDARIES(Role.ADMIN);

    private final Set<Role> roles;

    ReportPolicy(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
