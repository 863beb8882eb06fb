package vn.khuyenhoc.cdht.account;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.area.AreaSeeding;
import vn.khuyenhoc.cdht.shared.Role;

/**
 * First start on a database without an admin: no default password. Either the operator gave one in
 * CDHT_INITIAL_ADMIN_PASSWORD (the account "admin" must change it at first login), or a one-time setup token is
 * printed to the log for the /setup page. Runs after the demo loader, which brings its own admin.
 */
@Component
@Order(100)
class InitialAdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdminBootstrap.class);

    private final AccountProvisioning accounts;
    private final AreaSeeding area;
    private final SetupToken setupToken;
    private final String initialPassword;

    InitialAdminBootstrap(AccountProvisioning accounts, AreaSeeding area, SetupToken setupToken,
            @Value("${cdht.bootstrap.admin-password:}") String initialPassword) {
        this.accounts = accounts;
        this.area = area;
        this.setupToken = setupToken;
        this.initialPassword = initialPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.adminExists()) {
            return;
        }
        if (initialPassword != null && !initialPassword.isBlank()) {
            long root = area.ensureNationalRoot();
            accounts.create("admin", "Quản trị hệ thống", Role.ADMIN, root, initialPassword, true);
            log.warn("CDHT: created the first administrator 'admin' from CDHT_INITIAL_ADMIN_PASSWORD; "
                    + "the password must be changed at first login.");
            return;
        }
        String token = PasswordPolicy.oneTimePassword() + PasswordPolicy.oneTimePassword();
        setupToken.issue(token);
        log.warn("CDHT: no administrator exists. Open /setup and enter this one-time setup token: {}", token);
    }
}
