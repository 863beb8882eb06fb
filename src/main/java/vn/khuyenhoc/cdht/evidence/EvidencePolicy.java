package vn.khuyenhoc.cdht.evidence;

import java.util.EnumSet;
import java.util.Set;
import vn.khuyenhoc.cdht.shared.Role;
import vn.khuyenhoc.cdht.shared.RolePolicy;

/** Who may take the evidence module's actions beyond a file's own assessment. */
enum EvidencePolicy implements RolePolicy {

    /** See the storage used per unit. */
    SEE_STORAGE(Role.ADMIN);

    private final Set<Role> roles;

    EvidencePolicy(Role first, Role... rest) {
        this.roles = EnumSet.of(first, rest);
    }

    @Override
    public Set<Role> roles() {
        return roles;
    }
}
