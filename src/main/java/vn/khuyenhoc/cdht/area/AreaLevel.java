package vn.khuyenhoc.cdht.area;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A level of the unit tree (country, province, district, commune, hamlet, ...): data, ordered top-down. */
@Entity
@Table(name = "area_level")
class AreaLevel {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected AreaLevel() {
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
}
