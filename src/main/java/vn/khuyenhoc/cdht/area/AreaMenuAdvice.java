package vn.khuyenhoc.cdht.area;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/** Tells the pages whether to offer the tree's changes (new unit, edit, retire, import, successions): area's rule. */
@ControllerAdvice
class AreaMenuAdvice {

    @ModelAttribute("mayChangeTree")
    boolean mayChangeTree(@AuthenticationPrincipal CurrentUser user) {
        return AreaPolicy.CHANGE_TREE.allows(user);
    }
}
