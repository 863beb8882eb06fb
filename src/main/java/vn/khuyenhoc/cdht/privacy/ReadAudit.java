package vn.khuyenhoc.cdht.privacy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.assessment.AssessmentDetail;
import vn.khuyenhoc.cdht.audit.AuditEntry;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.citizen.CitizenSummary;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * The read audit: a citizen's page or one of their assessments served, or a list with names downloaded, is
 * recorded (who, when, which record or which list) once the response succeeded, without the pages' controllers
 * knowing. Province officers and admins read the lines of their subtree; commune officers those of their commune.
 */
@Component
class ReadAudit implements HandlerInterceptor {

    static final String CITIZEN_VIEWED = "CITIZEN_VIEWED";
    static final String ASSESSMENT_VIEWED = "ASSESSMENT_VIEWED";
    static final String LIST_DOWNLOADED = "LIST_DOWNLOADED";
    /**
     * Read lines carry their own entity types, so that a record's history of changes (the assessment's history
     * page, the citizen's) stays a history of changes.
     */
    static final String CITIZEN_READ = "CITIZEN_READ";
    static final String ASSESSMENT_READ = "ASSESSMENT_READ";
    static final List<String> ACTIONS = List.of(CITIZEN_VIEWED, ASSESSMENT_VIEWED, LIST_DOWNLOADED,
            "CITIZEN_DATA_EXPORTED");
    private static final Pattern CITIZEN_PAGE = Pattern.compile("/citizens/(\\d+)");
    private static final Pattern ASSESSMENT_PAGE = Pattern.compile("/assessments/(\\d+)(/(edit|verify|history))?");
    // downloads that list people by name: decisions, certificates, the decision's list, the at-risk list, exports
    private static final Pattern NAMED_LIST = Pattern.compile("/recognition/\\d+/(decision\\.pdf|certificates\\.pdf|"
            + "list\\.xlsx)|/report/\\d+/\\d+/forecast/at-risk\\.xlsx|/transfer/export");
    private static final int SHOWN = 200;
    /** Times on pages and in the export are Vietnam's. */
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    private final AuditLog audit;
    private final Units units;
    private final UnitScope scope;

    ReadAudit(AuditLog audit, Units units, UnitScope scope) {
        this.audit = audit;
        this.units = units;
        this.scope = scope;
    }

    /** One line of the read audit page. */
    record Line(java.time.LocalDateTime at, String actor, String action, String entityType, Long entityId, String unitName,
            String details) {
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
            ModelAndView view) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() != 200 || view == null) {
            return;
        }
        CurrentUser user = user();
        if (user == null) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Map<String, Object> model = view.getModel();
        Matcher citizen = CITIZEN_PAGE.matcher(path);
        if (citizen.matches() && model.get("citizen") instanceof CitizenSummary c) {
            audit.recordRead(user.username(), CITIZEN_VIEWED, CITIZEN_READ, c.id(), c.residenceUnitId(), null);
            return;
        }
        Matcher assessment = ASSESSMENT_PAGE.matcher(path);
        if (assessment.matches() && model.get("detail") instanceof AssessmentDetail d) {
            audit.recordRead(user.username(), ASSESSMENT_VIEWED, ASSESSMENT_READ, d.id(), d.unitId(),
                    "{\"citizen\":" + d.citizenId() + "}");
        }
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        if (failure != null || !"GET".equals(request.getMethod()) || response.getStatus() != 200) {
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        CurrentUser user = user();
        if (user != null && NAMED_LIST.matcher(path).matches()) {
            String query = request.getQueryString();
            String list = path + (query == null ? "" : "?" + query);
            audit.recordRead(user.username(), LIST_DOWNLOADED, "LIST", null, user.unitId(),
                    list.length() > 1000 ? list.substring(0, 1000) : list);
        }
    }

    /** The read lines within the user's subtree, newest first; for province officers, admins and communes. */
    List<Line> recent(CurrentUser user) {
        PrivacyPolicy.READ_AUDIT.require(user);
        List<AuditEntry> entries = audit.reads(ACTIONS, scope.subtree(user), SHOWN);
        return entries.stream().map(e -> new Line(java.time.LocalDateTime.ofInstant(e.occurredAt(), ZONE), e.actor(), e.action(), e.entityType(),
                e.entityId(), e.unitId() == null ? "" : units.find(e.unitId()).map(UnitSummary::name).orElse(""),
                "LIST".equals(e.entityType()) ? e.details() : null)).toList();
    }

    private static CurrentUser user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user ? user : null;
    }
}
