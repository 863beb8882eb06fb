package vn.khuyenhoc.cdht.account;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Tells the layout whether to open the administration menu, whose first page is the account list: the account rule,
 * asked here rather than through {@link AccountService}, whose transactional proxy would open a transaction for it on
 * every page.
 */
@ControllerAdvice
class AccountMenuAdvice {

    @ModelAttribute("mayManageAccounts")
    boolean mayManageAccounts(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                && AccountPolicy.MANAGE_ACCOUNTS.allows(user);
    }
}
