package vn.khuyenhoc.cdht.transfer;

import java.util.HashMap;
import java.util.Map;
import vn.khuyenhoc.cdht.area.Subtree;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/** The user's subtree and the paths of the units an import meets, each read once per import. */
final class UnitPaths {

    private final UnitScope scope;
    private final Subtree within;
    private final Map<Long, String> paths = new HashMap<>();

    UnitPaths(UnitScope scope, CurrentUser user) {
        this.scope = scope;
        this.within = scope.subtree(user);
    }

    String path(long unitId) {
        return paths.computeIfAbsent(unitId, id -> scope.subtreeOf(id).path());
    }

    boolean inScope(long unitId) {
        return within.contains(path(unitId));
    }
}
