package vn.khuyenhoc.cdht.community;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitOption;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * Who manages a province's settings (who signs recognition decisions, whether duties are kept apart): admins and
 * province officers, for a province in their subtree. One rule for every per-province setting page.
 */
@Service
@Transactional(readOnly = true)
public class ProvinceManagers {

    private final UnitScope scope;

    ProvinceManagers(UnitScope scope) {
        this.scope = scope;
    }

    public boolean mayManage(CurrentUser user) {
        return CommunityPolicy.MANAGE_PROVINCE_SETTINGS.allows(user);
    }

    /** The provinces whose settings the user may change (403 for other roles). */
    public List<UnitOption> provinces(CurrentUser user) {
        requireManager(user);
        return scope.unitOptions(user, Set.of(UnitLevels.PROVINCE));
    }

    /** The province, if the user manages it: 403 outside the role or subtree, 404 for a unit that is no province. */
    public UnitSummary requireProvince(CurrentUser user, long provinceId) {
        requireManager(user);
        UnitSummary unit = scope.requireVisible(user, provinceId);
        if (!UnitLevels.PROVINCE.equals(unit.levelCode())) {
            throw new NotFoundException("province " + provinceId);
        }
        return unit;
    }

    private void requireManager(CurrentUser user) {
        CommunityPolicy.MANAGE_PROVINCE_SETTINGS.require(user);
    }
}
