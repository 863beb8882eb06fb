package vn.khuyenhoc.cdht.criteria;

import java.time.Instant;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/** The header of one criteria set version, for lists and for other modules. */
public record CriteriaSetSummary(long id, String code, int versionNumber, String name, String legalBasis,
        CriteriaStatus status, int yearFrom, int yearTo, int totalPoints, Long basedOnId, Instant publishedAt,
        String publishedBy, Instant retiredAt, String retiredBy, long version) {

    /** "QD324-KHVN v1": the set's code and version, for logs and the JSON API; people read {@link #title()}. */
    public String label() {
        return code + " v" + versionNumber;
    }

    /** How pages and messages name a version to people: its name and version number, worded by the bundle. */
    public MessageSourceResolvable title() {
        return title(name, versionNumber);
    }

    static MessageSourceResolvable title(String name, int versionNumber) {
        return new DefaultMessageSourceResolvable(new String[] {"criteria.setTitle"},
                new Object[] {name, String.valueOf(versionNumber)}, name + " (" + versionNumber + ")");
    }

    public boolean appliesTo(int year) {
        return yearFrom <= year && year <= yearTo;
    }

    public boolean draft() {
        return status == CriteriaStatus.DRAFT;
    }
}
