package vn.khuyenhoc.cdht.recognition;

import java.time.LocalDate;

/**
 * What an issued decision says about one assessment, for the citizen's own page: the decision's number and date and
 * who issued it, whether it recognised the citizen, and a revocation if there was one.
 *
 * @param number    the decision's number as printed ("15/QĐ-HKH")
 * @param revokedOn null unless the recognition was revoked
 */
public record RecognitionNotice(int year, String number, LocalDate issuedOn, String issuerName, boolean recognised,
        LocalDate revokedOn, String revokeReason) {

    /** Recognised and not revoked: holds the title. */
    public boolean holdsTitle() {
        return recognised && revokedOn == null;
    }
}
