package vn.khuyenhoc.cdht.recognition;

import java.time.LocalDate;
import java.time.Year;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/**
 * The header of a decision as a form gives it (the service trims and checks it). signerTitle and legalBasis
 * hold one line per row of the signature block and per "Căn cứ" recital; superiorName is the body printed above
 * the issuer (blank: none).
 */
record DecisionDraft(Integer number, LocalDate issuedOn, IssuerKind issuerKind, String issuerName,
        String placeName, String signerName, String signerTitle, String legalBasis, String superiorName) {

    /** The header trimmed and checked; the title of a year cannot be decided before the year begins. */
    DecisionDraft checked(int year) {
        if (number() == null || number() < 1) {
            throw BusinessRuleException.onField("number", "recognition.number.positive");
        }
        if (issuedOn() == null) {
            throw BusinessRuleException.onField("issuedOn", "recognition.field.required");
        }
        if (issuedOn().getYear() < year) {
            throw BusinessRuleException.onField("issuedOn", "recognition.issuedOn.beforeYear",
                    String.valueOf(year));
        }
        if (issuerKind() == null) {
            throw BusinessRuleException.onField("issuerKind", "recognition.issuerKind.required");
        }
        return new DecisionDraft(number(), issuedOn(), issuerKind(),
                requireText(issuerName(), "issuerName", RecognitionDecisions.ISSUER_MAX),
                requireText(placeName(), "placeName", RecognitionDecisions.PLACE_MAX),
                requireText(signerName(), "signerName", RecognitionDecisions.SIGNER_MAX),
                RecognitionSettings.requireLines(signerTitle(), "signerTitle", RecognitionSettings.TITLE_MAX),
                RecognitionSettings.requireLines(legalBasis(), "legalBasis", RecognitionSettings.BASIS_MAX),
                optionalText(superiorName(), "superiorName", RecognitionDecisions.ISSUER_MAX));
    }

    private static String requireText(String text, String field, int max) {
        String trimmed = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (trimmed.isEmpty()) {
            throw BusinessRuleException.onField(field, "recognition.field.required");
        }
        if (trimmed.length() > max) {
            throw BusinessRuleException.onField(field, "recognition.field.tooLong", max);
        }
        return trimmed;
    }

    private static String optionalText(String text, String field, int max) {
        String trimmed = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        if (trimmed.length() > max) {
            throw BusinessRuleException.onField(field, "recognition.field.tooLong", max);
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** A decision's year: from the first year the app knows up to this one. */
    static int requireYear(Integer year) {
        int last = Year.now().getValue();
        if (year == null || year < RecognitionDecisions.FIRST_YEAR || year > last) {
            throw BusinessRuleException.onField("year", "recognition.year.range",
                    String.valueOf(RecognitionDecisions.FIRST_YEAR), String.valueOf(last));
        }
        return year;
    }
}
