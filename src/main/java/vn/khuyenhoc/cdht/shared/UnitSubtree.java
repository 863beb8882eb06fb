package vn.khuyenhoc.cdht.shared;

/**
 * A subtree of the unit tree, for a module that sits below the area module (audit) and so cannot name it: the
 * area module's {@code Subtree} implements it and writes the SQL, the caller only places it.
 */
public interface UnitSubtree {

    /** A parenthesised subquery of the ids of the units in the subtree, for {@code unit_id in ...}. */
    String unitIds(String alias);
}
