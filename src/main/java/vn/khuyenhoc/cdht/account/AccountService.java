package vn.khuyenhoc.cdht.account;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;
import vn.khuyenhoc.cdht.shared.Role;

/**
 * Managing staff accounts. Admins manage every account; province officers manage commune-level accounts
 * (commune officers, verifiers, viewers) inside their subtree. New and reset accounts get a random one-time
 * password that their owner must replace at the first login.
 */
@Service
@Transactional
class AccountService {

    static final String AUDIT_TYPE = "ACCOUNT";
    private static final Set<Role> PROVINCE_MANAGED = EnumSet.of(Role.COMMUNE_OFFICER, Role.VERIFIER, Role.VIEWER);

    private final AppUserRepository users;
    private final PasswordEncoder encoder;
    private final Units units;
    private final UnitScope scope;
    private final AuditLog audit;
    private final StaffSessions sessions;
    private final AccountSearch search;

    AccountService(AppUserRepository users, PasswordEncoder encoder, Units units, UnitScope scope, AuditLog audit,
            StaffSessions sessions, AccountSearch search) {
        this.search = search;
        this.sessions = sessions;
        this.users = users;
        this.encoder = encoder;
        this.units = units;
        this.scope = scope;
        this.audit = audit;
    }

    /** Roles the actor may hand out. */
    public List<Role> assignableRoles(CurrentUser actor) {
        return switch (actor.role()) {
            case ADMIN -> List.of(Role.values());
            case PROVINCE_OFFICER -> List.copyOf(PROVINCE_MANAGED);
            default -> List.of();
        };
    }

    @Transactional(readOnly = true)
    public Page<AccountSummary> search(CurrentUser actor, String query, Pageable pageable) {
        requireManager(actor);
                String pattern = "%" + (query == null ? "" : query.trim().toLowerCase(Locale.ROOT)
                .replace("\\", "").replace("%", "").replace("_", "")) + "%";
        return search.inSubtree(scope.subtree(actor), pattern, pageable).map(AppUser::toSummary);
    }

    @Transactional(readOnly = true)
    public AccountSummary get(CurrentUser actor, long id) {
        AppUser user = load(id);
        requireCanManage(actor, user.getRole(), user.getUnitId());
        return user.toSummary();
    }

    /** Creates an account and returns its one-time password, to be handed to its owner. */
    public CreatedAccount create(CurrentUser actor, AccountForm form) {
        UnitSummary unit = currentUnit(form.getUnitCode());
        requireCanManage(actor, form.getRole(), unit.id());
        String username = form.getUsername().trim().toLowerCase(Locale.ROOT);
        if (users.existsByUsername(username)) {
            throw BusinessRuleException.onField("username", "account.username.taken", username);
        }
        String password = PasswordPolicy.oneTimePassword();
        AppUser user = users.save(new AppUser(username, form.getDisplayName().trim(), form.getRole(), unit.id(),
                encoder.encode(password), true));
        user.setEnabled(form.isEnabled());
        audit.record(actor.username(), "ACCOUNT_CREATED", AUDIT_TYPE, user.getId(), unit.id(),
                username + " " + form.getRole() + " unit=" + unit.code() + " enabled=" + form.isEnabled(), null);
        return new CreatedAccount(user.toSummary(), password);
    }

    public void update(CurrentUser actor, long id, AccountForm form) {
        AppUser user = load(id);
        requireCanManage(actor, user.getRole(), user.getUnitId());
        UnitSummary unit = currentUnit(form.getUnitCode());
        requireCanManage(actor, form.getRole(), unit.id());
        if (user.getVersion() != form.getVersion()) {
            throw new BusinessRuleException("error.concurrentEdit");
        }
        if (user.getId() == actor.userId() && (!form.isEnabled() || form.getRole() != user.getRole())) {
            throw new BusinessRuleException("account.self.noDemotion");
        }
        String before = describe(user);
        boolean sessionOutdated = user.getRole() != form.getRole() || !Objects.equals(user.getUnitId(), unit.id())
                || user.isEnabled() != form.isEnabled();
        user.setDisplayName(form.getDisplayName().trim());
        user.setRole(form.getRole());
        user.setUnitId(unit.id());
        user.setEnabled(form.isEnabled());
        user.touch();
        if (sessionOutdated) {
            sessions.endAfterCommit(user.getUsername());
        }
        audit.record(actor.username(), "ACCOUNT_UPDATED", AUDIT_TYPE, id, unit.id(),
                before + " -> " + describe(user), null);
    }

    /** Replaces the password with a one-time one; the owner must change it at the next login. */
    public String resetPassword(CurrentUser actor, long id) {
        AppUser user = load(id);
        requireCanManage(actor, user.getRole(), user.getUnitId());
        String password = PasswordPolicy.oneTimePassword();
        user.changePassword(encoder.encode(password), true);
        sessions.endAfterCommit(user.getUsername());
        audit.record(actor.username(), "ACCOUNT_PASSWORD_RESET", AUDIT_TYPE, id, user.getUnitId(),
                user.getUsername(), null);
        return password;
    }

    public void changeOwnPassword(CurrentUser actor, String currentPassword, String newPassword,
            String confirmation) {
        AppUser user = load(actor.userId());
        if (!encoder.matches(currentPassword == null ? "" : currentPassword, user.getPasswordHash())) {
            throw BusinessRuleException.onField("currentPassword", "account.password.currentWrong");
        }
        PasswordPolicy.check(user.getUsername(), newPassword, confirmation);
        if (encoder.matches(newPassword, user.getPasswordHash())) {
            throw BusinessRuleException.onField("newPassword", "account.password.same");
        }
        user.changePassword(encoder.encode(newPassword), false);
        audit.record(actor.username(), "ACCOUNT_PASSWORD_CHANGED", AUDIT_TYPE, user.getId(), user.getUnitId(),
                user.getUsername(), null);
    }

    private UnitSummary currentUnit(String code) {
        return units.findByCodeOn(code, LocalDate.now())
                .orElseThrow(() -> BusinessRuleException.onField("unitCode", "account.unit.unknown", code));
    }

    /** Refuses (403) anyone who may not manage accounts at all. */
    void requireManager(CurrentUser actor) {
        AccountPolicy.MANAGE_ACCOUNTS.require(actor);
    }

    private void requireCanManage(CurrentUser actor, Role role, long unitId) {
        requireManager(actor);
        if (actor.isAdmin()) {
            return;
        }
        if (!PROVINCE_MANAGED.contains(role) || !scope.isWithin(unitId, actor.unitId())) {
            throw new OutOfScopeException(actor.username() + " may not manage " + role + " in unit " + unitId);
        }
    }

    private AppUser load(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException("account " + id));
    }

    private static String describe(AppUser user) {
        return user.getUsername() + " '" + user.getDisplayName() + "' " + user.getRole() + " unit="
                + user.getUnitId() + " enabled=" + user.isEnabled();
    }

    public record CreatedAccount(AccountSummary account, String oneTimePassword) {
    }
}
