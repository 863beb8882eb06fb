package vn.khuyenhoc.cdht.account;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The live sessions of staff accounts. A session carries the role and unit read at login, so when a manager disables
 * an account, changes its role or unit, or resets its password, the account's open sessions end at their next
 * request instead of living on until they time out.
 */
@Component
class StaffSessions {

    private final SessionRegistry registry;

    StaffSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /** Ends the account's sessions once the change commits; a change that rolls back ends nothing. */
    void endAfterCommit(String username) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    end(username);
                }
            });
        } else {
            end(username);
        }
    }

    /** The registry reads the session table by username, so this ends sessions opened on any node. */
    private void end(String username) {
        registry.getAllSessions(username, false).forEach(SessionInformation::expireNow);
    }
}
