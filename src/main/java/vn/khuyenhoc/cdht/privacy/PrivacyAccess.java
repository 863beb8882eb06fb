package vn.khuyenhoc.cdht.privacy;

import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.citizen.CitizenSummary;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;

/** Who may export or erase a citizen's data: the commune officer or admin whose scope lets them change the record. */
@Component
class PrivacyAccess {

    private final Citizens citizens;

    PrivacyAccess(Citizens citizens) {
        this.citizens = citizens;
    }

    /** The citizen, or 404 (unknown) / 403 (outside the scope, or a role that may not). */
    CitizenSummary require(CurrentUser user, long citizenId) {
        CitizenSummary citizen = citizens.get(user, citizenId);
        if (!may(user, citizen)) {
            throw new OutOfScopeException(user.username() + " may not act on the personal data of " + citizenId);
        }
        return citizen;
    }

    boolean may(CurrentUser user, CitizenSummary citizen) {
        return PrivacyPolicy.PERSONAL_DATA.allows(user) && citizens.canEdit(user, citizen);
    }
}
