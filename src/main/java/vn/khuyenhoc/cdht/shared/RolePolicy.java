package vn.khuyenhoc.cdht.shared;

import java.util.Set;

/**
 * Which roles may take one action, named once beside the services that guard it: each module declares its actions
 * as an enum implementing this ({@code ReportPolicy.MANAGE_TARGETS}, ...), and its services check them. Where is the
 * unit's business ({@code area.UnitScope}); URL rules in the security configuration are only a first wall.
 */
public interface RolePolicy {

    Set<Role> roles();

    default boolean allows(CurrentUser user) {
        return user != null && roles().contains(user.role());
    }

    /** Refuses (403) a user whose role may not take the action. */
    default void require(CurrentUser user) {
        if (!allows(user)) {
            throw new OutOfScopeException((user == null ? "nobody" : user.username() + " (" + user.role() + ")")
                    + " may not " + this);
        }
    }
}
