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
    @Modifying
    @Query("update AppUser u set u.failedAttempts = :attempts, u.lockedUntil = :lockedUntil where u.id = :id")
    void updateLoginFailures(@Param("id") long id, @Param("attempts") int attempts,
            @Param("lockedUntil") java.time.Instant lockedUntil);

    @Modifying
    @Query("update AppUser u set u.failedAttempts = 0, u.lockedUntil = null, u.lastLoginAt = :now where u.id = :id")
    void recordSuccessfulLogin(@Param("id") long id, @Param("now") java.time.Instant now);
}
