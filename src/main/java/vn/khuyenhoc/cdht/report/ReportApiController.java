package vn.khuyenhoc.cdht.report;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * The dashboard's figures as JSON, for provincial operations centres: GET /api/report/{unitId}/{year}
 * ?boundaries=current|historical. Session-authenticated like the pages; 403 outside the user's subtree.
 */
@RestController
class ReportApiController {

    private final Dashboards dashboards;

    ReportApiController(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/api/report/{unitId}/{year}")
    ReportView report(@AuthenticationPrincipal CurrentUser user, @PathVariable long unitId, @PathVariable int year,
            @RequestParam(required = false) String boundaries) {
        return dashboards.view(user, unitId, year, parse(boundaries));
    }

    static Boundaries parse(String boundaries) {
        try {
            return Boundaries.parse(boundaries);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "boundaries: current or historical");
        }
    }
}
