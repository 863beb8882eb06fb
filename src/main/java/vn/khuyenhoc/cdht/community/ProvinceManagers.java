package vn.khuyenhoc.cdht.community;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitOption;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;
import vn.khuyenhoc.cdht.shared.Role;

/**
 * Who manages a province's settings (who signs recognition decisions, whether duties are kept apart): admins and
 * province officers, for a province in their subtree. One rule for every per-province setting page.
 */
@Service
@Transactional(readOnly = true)
public class ProvinceManagers {

    private static final Set<Role> MANAGERS = EnumSet.of(Role.ADMIN, Role.PROVINCE_OFFICER);

    private final UnitScope scope;

    ProvinceManagers(UnitScope scope) {
        this.scope = scope;
    }

    public boolean mayManage(CurrentUser user) {
        return MANAGERS.contains(user.role());
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
        if (!mayManage(user)) {
            throw new OutOfScopeException(user.username() + " (" + user.role() + ") may not change the setting");
        }
    }
}
