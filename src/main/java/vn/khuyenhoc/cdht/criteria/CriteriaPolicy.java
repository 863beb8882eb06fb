package vn.khuyenhoc.cdht.criteria;

import java.util.EnumSet;
import java.util.Set;
import vn.khuyenhoc.cdht.shared.Role;
import vn.khuyenhoc.cdht.shared.RolePolicy;

/** Who may take the criteria module's actions. */
enum CriteriaPolicy implements RolePolicy {

    /** Maintain criteria sets, their competencies and indicators, and the target groups. */
    MAINTAIN(Role.ADMIN);

    private final Set<Role> roles;

    CriteriaPolicy(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
