package vn.khuyenhoc.cdht.area;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import vn.khuyenhoc.cdht.shared.CodedEntry;

/** A level of the unit tree (country, province, district, commune, hamlet, ...): data, ordered top-down. */
@Entity
@Table(name = "area_level")
class AreaLevel extends CodedEntry {

    protected AreaLevel() {
    }
}
