package vn.khuyenhoc.cdht.area;

import java.time.LocalDate;

/** What other modules and pages see of an administrative unit. */
public record UnitSummary(
        long id,
        String code,
        String name,
        String levelCode,
        String levelName,
        Long parentId,
        int depth,
        LocalDate validFrom,
        LocalDate validTo,
        Long population,
        boolean current,
        long version) {

    public String label() {
        return name + " (" + code + ")";
    }
}
