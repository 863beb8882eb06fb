package vn.khuyenhoc.cdht.account;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import vn.khuyenhoc.cdht.shared.Role;

interface AppUserRepository extends JpaRepository<AppUser, Long> {

    Optional<AppUser> findByUsername(String username);

    boolean existsByUsername(String username);

    boolean existsByRole(Role role);

    // Login bookkeeping bypasses the entity's version: a login must not make an admin's open edit form stale.
    // (Failed logins are not counted here: LoginThrottle's buckets in shared.Attempts do that.)
    @Modifying
    @Query("update AppUser u set u.lastLoginAt = :now where u.id = :id")
    void recordSuccessfulLogin(@Param("id") long id, @Param("now") java.time.Instant now);
}
