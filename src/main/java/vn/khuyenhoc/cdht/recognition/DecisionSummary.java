package vn.khuyenhoc.cdht.recognition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The header of a decision: everything but its citizens. */
public record DecisionSummary(long id, long unitId, String unitCode, String unitName, int year, int number,
        LocalDate issuedOn, IssuerKind issuerKind, String issuerName, String superiorName, String placeName,
        String signerName,
        String signerTitle, String legalBasis, DecisionStatus status, String createdBy, Instant createdAt,
        String issuedBy, Instant issuedAt, long version) {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    public boolean draft() {
        return status == DecisionStatus.DRAFT;
    }

    /** The signature block's title, one row per line. */
    public List<String> signerTitleLines() {
        return lines(signerTitle);
    }

    /** The recitals still hold a blank to fill in ("…", as the default basis leaves the date of QĐ 324). */
    public boolean basisHasBlanks() {
        return legalBasis != null && legalBasis.contains("…");
    }

    /** The "Căn cứ" recitals, one per line. */
    public List<String> legalBasisLines() {
        return lines(legalBasis);
    }

    /** Headings of the printed decision are in capitals, Vietnamese style ("HỘI KHUYẾN HỌC XÃ VĨNH LINH"). */
    public String issuerNameUpper() {
        return issuerName.toUpperCase(VIETNAMESE);
    }

    /** The body above the issuer in capitals, or null when the decision names none. */
    public String superiorNameUpper() {
        return superiorName == null || superiorName.isBlank() ? null : superiorName.toUpperCase(VIETNAMESE);
    }

    /** Day and month as Decree 30/2020/NĐ-CP writes dates: a zero before days below 10 and months below 3. */
    public String issuedDay() {
        int day = issuedOn.getDayOfMonth();
        return day < 10 ? "0" + day : String.valueOf(day);
    }

    public String issuedMonth() {
        int month = issuedOn.getMonthValue();
        return month < 3 ? "0" + month : String.valueOf(month);
    }

    public String issuedYear() {
        return String.valueOf(issuedOn.getYear());
    }

    /** The year as text: a number argument of a message would print with a thousands separator. */
    public String yearText() {
        return String.valueOf(year);
    }

    static List<String> lines(String text) {
        return text == null ? List.of()
                : Arrays.stream(text.split("\n")).map(String::strip).filter(l -> !l.isEmpty()).toList();
    }
}
