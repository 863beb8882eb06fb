package vn.khuyenhoc.cdht.assessment;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.Subtree;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.community.ProvinceManagers;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.Constraints;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Per province, whether separation of duties applies (the person who typed an assessment's self-scores may not
 * verify it): on unless the province saved otherwise. Admins and province officers change it for a province in
 * their subtree, as they do the recognition setting; every change is audited.
 */
@Service
@Transactional
class WorkflowSettings {

    static final String AUDIT_TYPE = "ASSESSMENT_SETTING";

    private final AssessmentSettingRepository settings;
    private final ProvinceManagers managers;
    private final UnitScope scope;
    private final AuditLog audit;

    WorkflowSettings(AssessmentSettingRepository settings, ProvinceManagers managers, UnitScope scope,
            AuditLog audit) {
        this.settings = settings;
        this.managers = managers;
        this.scope = scope;
        this.audit = audit;
    }

    /** A province's setting: 403 outside the user's subtree or role, 404 for a unit that is not a province. */
    @Transactional(readOnly = true)
    DutySetting get(CurrentUser user, long provinceId) {
        managers.requireProvince(user, provinceId);
        return settings.findByProvinceUnitId(provinceId).map(AssessmentSetting::toView)
                .orElseGet(() -> new DutySetting(provinceId, true, null, null, null));
    }

    /**
     * Saves a province's setting. expectedVersion is the version the form showed, null when it showed the default;
     * anything else means someone saved in between.
     */
    void update(CurrentUser user, long provinceId, boolean separationOfDuties, Long expectedVersion) {
        UnitSummary province = managers.requireProvince(user, provinceId);
        var existing = settings.findByProvinceUnitId(provinceId);
        if (existing.isPresent() ? expectedVersion == null || existing.get().getVersion() != expectedVersion
                : expectedVersion != null) {
            throw new BusinessRuleException("error.concurrentEdit");
        }
        boolean before = existing.map(AssessmentSetting::isSeparationOfDuties).orElse(true);
        AssessmentSetting setting = existing.orElseGet(() -> new AssessmentSetting(provinceId));
        setting.change(separationOfDuties, user.username());
        // another manager may have saved the first setting of this province at the same moment
        Constraints.unlessClash(() -> settings.saveAndFlush(setting),
                () -> new BusinessRuleException("error.concurrentEdit"));
        audit.record(user.username(), "ASSESSMENT_SETTING_UPDATED", AUDIT_TYPE, provinceId, provinceId,
                province.name() + ": separation of duties " + before + " -> " + separationOfDuties, null);
    }

    /** Whether the rule applies to an assessment of this unit (its province's setting). */
    @Transactional(readOnly = true)
    boolean separationApplies(long unitId) {
        return separationApplies(scope.subtreeOf(unitId).path(), provincesWithoutSeparation());
    }

    /**
     * The subtrees of the provinces that switched the rule off: few rows, read once by bulk callers (no query for
     * their units when no province did).
     */
    @Transactional(readOnly = true)
    List<Subtree> provincesWithoutSeparation() {
        return scope.subtreesOf(settings.provincesWithoutSeparation());
    }

    /** Whether the rule applies to a unit with this materialised path ("/1/51/101/"): not within those provinces. */
    static boolean separationApplies(String unitPath, Collection<Subtree> provincesWithout) {
        return provincesWithout.stream().noneMatch(province -> province.contains(unitPath));
    }
}
