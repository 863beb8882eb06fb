package vn.khuyenhoc.cdht.account;

import java.util.EnumSet;
import java.util.Set;
import vn.khuyenhoc.cdht.shared.Role;
import vn.khuyenhoc.cdht.shared.RolePolicy;

/** Who may take the account module's actions (where: accounts of units in their subtree). */
enum AccountPolicy implements RolePolicy {

    /** List, create and change staff accounts; the layout's administration menu opens with this page. */
    MANAGE_ACCOUNTS(Role.ADMIN, Role.PROVINCE_OFFICER);

    private final Set<Role> roles;

    AccountPolicy(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
