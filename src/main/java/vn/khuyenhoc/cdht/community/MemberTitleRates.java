package vn.khuyenhoc.cdht.community;

import java.util.Optional;

/**
 * The port through which a collective's page shows how many of its members hold the "Công dân học tập" title in a
 * year. The recognition module implements it as a bean; until then the page uses {@link #none()}. It is called
 * only after the page has checked that the signed-in user may see the collective.
 */
public interface MemberTitleRates {

    /** The collective's members (citizens attached to it) and how many of them were recognised for the year. */
    Optional<MemberRate> forCollective(CollectiveSummary collective, int year);

    static MemberTitleRates none() {
        return (collective, year) -> Optional.empty();
    }
}
