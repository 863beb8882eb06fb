package vn.khuyenhoc.cdht.account;

import java.time.Instant;
import vn.khuyenhoc.cdht.shared.Role;

/** What pages and other modules see of an account (never the password hash). */
public record AccountSummary(long id, String username, String displayName, Role role, long unitId, boolean enabled,
        boolean mustChangePassword, Instant lastLoginAt, long version) {
}
