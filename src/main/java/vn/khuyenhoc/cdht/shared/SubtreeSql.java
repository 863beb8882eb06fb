package vn.khuyenhoc.cdht.shared;

import java.util.regex.Pattern;

/**
 * SQL for "units in a subtree" that lets PostgreSQL drive a query from the user's units, through area's published
 * view {@code unit_tree} (id, path). The subtree's path is
 * written into the statement as a literal rather than bound: a bound {@code path like :p || '%'} can use no index
 * in a cached generic plan, and its row estimate is a guess, which at 1.6 M citizens made the planner scan the whole
 * citizen table. The path is checked to be a materialised path ("/", or "/id/id/") before it is written, so nothing
 * a user types ever reaches the SQL text.
 */
public final class SubtreeSql {

    private static final Pattern PATH = Pattern.compile("/(\\d+/)*");

    private SubtreeSql() {
    }

    /**
     * {@code (select <alias>.id from unit_tree <alias> where <alias>.path like '<path>%')}: the ids of the units at
     * or below the path, for {@code unit_id in (...)}.
     */
    public static String unitIdsUnder(String alias, String path) {
        return "(select " + alias + ".id from unit_tree " + alias + " where " + alias + ".path like '"
                + checked(path) + "%')";
    }

    static String checked(String path) {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a unit path: " + path);
        }
        return path;
    }
}
