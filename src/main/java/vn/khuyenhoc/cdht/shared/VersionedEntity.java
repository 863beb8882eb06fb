package vn.khuyenhoc.cdht.shared;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The columns most tables keep beside their own: the optimistic-lock {@code version} and when the row was created
 * ({@code created_at}, never changed afterwards) and last changed ({@code updated_at}). Entities extend it and keep
 * their own id, since each has its own sequence.
 */
@MappedSuperclass
public abstract class VersionedEntity {

    @Version
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected VersionedEntity() {
    }

    /** Stamps a new row: created and last changed now. Called by the constructors that make a new row. */
    protected void created() {
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** Records that the row changed now (the version moves when the change is flushed). */
    public void touch() {
        this.updatedAt = Instant.now();
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
