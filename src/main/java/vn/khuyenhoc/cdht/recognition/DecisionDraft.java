package vn.khuyenhoc.cdht.recognition;

import java.time.LocalDate;

/**
 * The header of a decision as a form gives it (the service trims and checks it). signerTitle and legalBasis
 * hold one line per row of the signature block and per "Căn cứ" recital; superiorName is the body printed above
 * the issuer (blank: none).
 */
record DecisionDraft(Integer number, LocalDate issuedOn, IssuerKind issuerKind, String issuerName,
        String placeName, String signerName, String signerTitle, String legalBasis, String superiorName) {
}
