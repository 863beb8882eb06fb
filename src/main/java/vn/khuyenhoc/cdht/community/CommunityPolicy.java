package vn.khuyenhoc.cdht.community;

import java.util.EnumSet;
import java.util.Set;
import vn.khuyenhoc.cdht.shared.Role;
import vn.khuyenhoc.cdht.shared.RolePolicy;

/** Who may take the community module's actions (where: the unit's subtree). */
enum CommunityPolicy implements RolePolicy {

    /** Change a province's settings (who signs decisions, whether duties are kept apart): see ProvinceManagers. */
    MANAGE_PROVINCE_SETTINGS(Role.ADMIN, Role.PROVINCE_OFFICER);

    private final Set<Role> roles;

    CommunityPolicy(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
