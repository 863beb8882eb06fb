package vn.khuyenhoc.cdht.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A row of a short reference list keyed by its code (a level of the unit tree, a target group): the code, the name
 * shown for it and its place in the list ({@code sort_order}).
 */
@MappedSuperclass
public abstract class CodedEntry {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected CodedEntry() {
    }

    protected CodedEntry(String code, int sortOrder) {
        this.code = code;
        this.sortOrder = sortOrder;
    }

    protected void setName(String name) {
        this.name = name;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public int getSortOrder() {
        return sortOrder;
    }
}
