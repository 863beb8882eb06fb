package vn.khuyenhoc.cdht.shared;

/** What a staff account may do; where it may do it is its unit's subtree. */
public enum Role {
    ADMIN,
    PROVINCE_OFFICER,
    COMMUNE_OFFICER,
    VERIFIER,
    VIEWER;

    public String authority() {
        return "ROLE_" + name();
    }
}
