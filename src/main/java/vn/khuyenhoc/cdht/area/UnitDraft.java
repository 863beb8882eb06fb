package vn.khuyenhoc.cdht.area;

import java.time.LocalDate;

/** The fields of a unit as typed on a form or read from an import row, before any rule has looked at them. */
record UnitDraft(String code, String name, String levelCode, String parentCode, LocalDate validFrom,
        LocalDate validTo, Long population) {

    static UnitDraft of(UnitForm form) {
        return new UnitDraft(form.getCode(), form.getName(), form.getLevelCode(), form.getParentCode(),
                form.getValidFrom(), null, form.getPopulation());
    }
}
