package vn.khuyenhoc.cdht.area;

import java.util.EnumSet;
import java.util.Set;
import vn.khuyenhoc.cdht.shared.Role;
import vn.khuyenhoc.cdht.shared.RolePolicy;

/** Who may take the area module's actions (where: {@link UnitScope}). */
enum AreaPolicy implements RolePolicy {

    /** Create, edit, retire, delete, move and merge units; import the tree. */
    CHANGE_TREE(Role.ADMIN),
    /** Enter people, collectives and assessments (in their subtree); province officers and viewers only read. */
    ENTER_DATA(Role.ADMIN, Role.COMMUNE_OFFICER, Role.VERIFIER);

    private final Set<Role> roles;

    AreaPolicy(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
