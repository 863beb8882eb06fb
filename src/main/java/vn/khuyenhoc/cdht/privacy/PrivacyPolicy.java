package vn.khuyenhoc.cdht.privacy;

import java.util.EnumSet;
import java.util.Set;
import vn.khuyenhoc.cdht.shared.Role;
import vn.khuyenhoc.cdht.shared.RolePolicy;

/** Who may take the privacy module's actions (where: the citizen's unit, in their subtree). */
enum PrivacyPolicy implements RolePolicy {

    /** Export or erase a citizen's personal data: officers who may change the citizen. */
    PERSONAL_DATA(Role.ADMIN, Role.COMMUNE_OFFICER),
    /** Read the read audit of their subtree. */
    READ_AUDIT(Role.ADMIN, Role.PROVINCE_OFFICER, Role.COMMUNE_OFFICER);

    private final Set<Role> roles;

    PrivacyPolicy(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
