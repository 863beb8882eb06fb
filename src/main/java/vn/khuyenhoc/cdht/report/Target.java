package vn.khuyenhoc.cdht.report;

import java.math.BigDecimal;

/** A target that applies to a unit: the percentage for the year and where it was set (null scope: national). */
public record Target(int year, BigDecimal percentage, Long scopeUnitId, String scopeName) {

    public boolean national() {
        return scopeUnitId == null;
    }
}
