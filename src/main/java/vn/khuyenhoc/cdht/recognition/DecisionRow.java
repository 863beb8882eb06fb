package vn.khuyenhoc.cdht.recognition;

import java.time.LocalDate;

/** One line of the list of decisions, with how many citizens it recognised, did not, and revoked since. */
public record DecisionRow(long id, String unitName, int year, int number, LocalDate issuedOn, IssuerKind issuerKind,
        String issuerName, DecisionStatus status, long recognised, long notRecognised, long revoked) {
}
