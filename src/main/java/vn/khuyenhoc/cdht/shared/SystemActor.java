package vn.khuyenhoc.cdht.shared;

/** The actor recorded for changes made by the application itself (first start, demo data). */
public record SystemActor(String username) implements CurrentUser {

    public static final SystemActor INSTANCE = new SystemActor("system");

    @Override
    public long userId() {
        return 0;
    }

    @Override
    public String displayName() {
        return username;
    }

    @Override
    public Role role() {
        return Role.ADMIN;
    }

    @Override
    public long unitId() {
        return 0;
    }
}
