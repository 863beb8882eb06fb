package vn.khuyenhoc.cdht.transfer;

import java.util.HashMap;
import java.util.Map;
import vn.khuyenhoc.cdht.community.DataEntryScope;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/** The user's subtree and the paths of the units an import meets, each read once per import. */
final class UnitPaths {

    private final DataEntryScope scope;
    private final String scopePath;
    private final Map<Long, String> paths = new HashMap<>();

    UnitPaths(DataEntryScope scope, CurrentUser user) {
        this.scope = scope;
        this.scopePath = scope.scopePath(user);
    }

    String path(long unitId) {
        return paths.computeIfAbsent(unitId, scope::subtreePath);
    }

    boolean inScope(long unitId) {
        return path(unitId).startsWith(scopePath);
    }
}
