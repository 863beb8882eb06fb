package vn.khuyenhoc.cdht.account;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Tells the pages whether to offer the account pages (the layout's administration menu, the home page's link): the
 * account rule, asked here rather than through {@link AccountService}, whose transactional proxy would open a
 * transaction for it on every page.
 */
@ControllerAdvice
class AccountMenuAdvice {

    @ModelAttribute("mayManageAccounts")
    boolean mayManageAccounts(@AuthenticationPrincipal CurrentUser user) {
        return AccountPolicy.MANAGE_ACCOUNTS.allows(user);
    }
}
