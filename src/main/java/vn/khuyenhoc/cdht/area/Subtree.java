package vn.khuyenhoc.cdht.area;

import java.util.regex.Pattern;
import vn.khuyenhoc.cdht.shared.UnitSubtree;

/**
 * A subtree of the unit tree as SQL sees it, and the one way every query writes a subtree filter. A unit's
 * materialised path ("/1/51/101/") starts with the path of each of its ancestors, so "in the subtree" is one prefix
 * match, answered by the path index ({@code varchar_pattern_ops} on PostgreSQL). {@link UnitScope} hands these out.
 *
 * <p>Two shapes, each written here only (the predicates come with a space on each side, so they join safely onto
 * a text block, which drops its trailing spaces):
 * <ul>
 * <li>{@link #below(String, String)}: {@code <column> like :<param> || '%'}, bound with {@link #path()}, for a
 * query that joins the unit table anyway (to print names, group by level);</li>
 * <li>{@link #unitIds(String)}: {@code (select id from unit_tree where path like '<path>%')} with the path written
 * as a literal, for the big tables filtered by {@code unit_id}: a bound prefix can use no index in a cached generic
 * plan and its row estimate is a guess, which at 1.6 M citizens made the planner scan the whole citizen table. The
 * path is checked to be a materialised path when the subtree is made, so nothing a user types reaches the SQL.</li>
 * </ul>
 */
public record Subtree(String path) implements UnitSubtree {

    private static final Pattern PATH = Pattern.compile("/(\\d+/)*");

    /** The whole tree (an admin's scope). */
    public static final Subtree ALL = new Subtree("/");

    public Subtree {
        if (path == null || !PATH.matcher(path).matches()) {
            throw new IllegalArgumentException("not a unit path: " + path);
        }
    }

    /**
     * {@code <column> like :<parameter> || '%'}: the unit whose path is in the column lies in this subtree. Bind
     * the parameter to {@link #path()}.
     */
    public static String below(String column, String parameter) {
        return " " + column + " like :" + parameter + " || '%' ";
    }

    /** As {@link #below(String, String)} with a positional parameter ({@code ?}), for a plain JdbcTemplate. */
    public static String below(String column) {
        return " " + column + " like ? || '%' ";
    }

    /**
     * {@code :<parameter> like <column> || '%'}: the unit whose path is in the column is this subtree's root or one
     * of its ancestors. Bind the parameter to {@link #path()}.
     */
    public static String above(String column, String parameter) {
        return " :" + parameter + " like " + column + " || '%' ";
    }

    /** {@code <descendant> like <ancestor> || '%'}: a join of two path columns, one unit within the other. */
    public static String within(String descendantColumn, String ancestorColumn) {
        return " " + descendantColumn + " like " + ancestorColumn + " || '%' ";
    }

    /**
     * {@code (select <alias>.id from unit_tree <alias> where <alias>.path like '<path>%')}: the ids of the units in
     * the subtree, for {@code unit_id in (...)}; {@code unit_tree} is this module's published view (id, path).
     */
    @Override
    public String unitIds(String alias) {
        return "(select " + alias + ".id from unit_tree " + alias + " where " + alias + ".path like '" + path
                + "%')";
    }

    /** Whether a unit with this path lies in the subtree (in Java, for rows already read). */
    public boolean contains(String unitPath) {
        return unitPath != null && unitPath.startsWith(path);
    }
}
