package vn.khuyenhoc.cdht.report;

import java.math.BigDecimal;

/** A target as the list shows it; editable when the user may change it (national ones: admins only). */
public record TargetRow(long id, Indicator indicator, Long scopeUnitId, String scopeCode, String scopeName, int year,
        BigDecimal percentage, long version, boolean editable) {

    public boolean national() {
        return scopeUnitId == null;
    }
}
