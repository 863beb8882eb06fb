package vn.khuyenhoc.cdht.community;

import java.time.LocalDate;

/** A yearly status as typed, before the rules have looked at it. */
public record YearStatusDraft(Integer year, boolean recognised, String decisionRef, LocalDate decisionDate,
        Integer memberCount) {
}
