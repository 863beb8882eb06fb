package vn.khuyenhoc.cdht.criteria;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A target group (nhóm đối tượng): data, referred to by code from citizens and from each set's forms. */
@Entity
@Table(name = "criteria_target_group")
class TargetGroup {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TargetGroup() {
    }

    TargetGroup(String code, String name, int sortOrder) {
        this.code = code;
        this.sortOrder = sortOrder;
        rename(name);
    }

    /** A label only: renaming changes no form and no published set. */
    void rename(String newName) {
        this.name = newName.trim();
        this.updatedAt = Instant.now();
    }

    TargetGroupOption toOption() {
        return new TargetGroupOption(code, name, sortOrder);
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    int getSortOrder() {
        return sortOrder;
    }

    long getVersion() {
        return version;
    }
}
