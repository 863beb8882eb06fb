package vn.khuyenhoc.cdht.recognition;

/**
 * Who issues a commune's recognition decision. It differs by province (domain, section 5), so each province
 * chooses its default in the recognition setting and each decision records its own.
 */
public enum IssuerKind {
    /** The commune's Hội Khuyến học (its standing committee signs). */
    COMMUNE_HKH,
    /** The commune People's Committee (its chairman signs). */
    COMMUNE_PEOPLES_COMMITTEE
}
