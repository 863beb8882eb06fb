package vn.khuyenhoc.cdht.shared;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * The columns of a province's own choice about how something works (one row per province, absent while it keeps
 * the defaults): the province, who changed it last and when, and the optimistic-lock version. Entities extend it
 * with their id and the choice itself.
 */
@MappedSuperclass
public abstract class ProvinceSettingEntity {

    @Column(name = "province_unit_id", nullable = false)
    private long provinceUnitId;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ProvinceSettingEntity() {
    }

    protected ProvinceSettingEntity(long provinceUnitId) {
        this.provinceUnitId = provinceUnitId;
    }

    /** Records who changed the choice, now. */
    protected void changedBy(String username) {
        this.updatedBy = username;
        this.updatedAt = Instant.now();
    }

    public long getProvinceUnitId() {
        return provinceUnitId;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
