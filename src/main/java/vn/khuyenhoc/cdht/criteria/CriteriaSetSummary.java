package vn.khuyenhoc.cdht.criteria;

import java.time.Instant;

/** The header of one criteria set version, for lists and for other modules. */
public record CriteriaSetSummary(long id, String code, int versionNumber, String name, String legalBasis,
        CriteriaStatus status, int yearFrom, int yearTo, int totalPoints, Long basedOnId, Instant publishedAt,
        String publishedBy, Instant retiredAt, String retiredBy, long version) {

    /** "QD324-KHVN v1". */
    public String label() {
        return code + " v" + versionNumber;
    }

    public boolean appliesTo(int year) {
        return yearFrom <= year && year <= yearTo;
    }

    public boolean draft() {
        return status == CriteriaStatus.DRAFT;
    }
}
