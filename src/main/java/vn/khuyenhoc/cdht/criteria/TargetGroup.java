package vn.khuyenhoc.cdht.criteria;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import vn.khuyenhoc.cdht.shared.CodedEntry;

/** A target group (nhóm đối tượng): data, referred to by code from citizens and from each set's forms. */
@Entity
@Table(name = "criteria_target_group")
class TargetGroup extends CodedEntry {

    /** The lengths of the code and name columns. */
    static final int CODE_LENGTH = 30;
    static final int NAME_LENGTH = 200;

    @Version
    private long version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TargetGroup() {
    }

    TargetGroup(String code, String name, int sortOrder) {
        super(code, sortOrder);
        rename(name);
    }

    /** A label only: renaming changes no form and no published set. */
    void rename(String newName) {
        setName(newName.trim());
        this.updatedAt = Instant.now();
    }

    TargetGroupOption toOption() {
        return new TargetGroupOption(getCode(), getName(), getSortOrder());
    }

    long getVersion() {
        return version;
    }
}
