package vn.khuyenhoc.cdht.community;

import java.time.LocalDate;

/** A collective's recognition status for one year; memberCount is kept for learning units only. */
public record YearStatus(long id, long collectiveId, int year, boolean recognised, String decisionRef,
        LocalDate decisionDate, Integer memberCount, long version) {
}
