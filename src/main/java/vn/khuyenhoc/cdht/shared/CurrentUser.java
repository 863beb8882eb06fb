package vn.khuyenhoc.cdht.shared;

/**
 * The signed-in staff member as every module sees it: who, which role, and the unit whose subtree bounds
 * what they may see and change.
 */
public interface CurrentUser {

    long userId();

    String username();

    String displayName();

    Role role();

    long unitId();

    default boolean isAdmin() {
        return role() == Role.ADMIN;
    }
}
