package vn.khuyenhoc.cdht.report;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/** Tells the pages whether to offer the map boundaries' page: the report module's rule. */
@ControllerAdvice
class ReportMenuAdvice {

    @ModelAttribute("mayManageBoundaries")
    boolean mayManageBoundaries(@AuthenticationPrincipal CurrentUser user) {
        return ReportPolicy.MANAGE_BOUNDARIES.allows(user);
    }
}
