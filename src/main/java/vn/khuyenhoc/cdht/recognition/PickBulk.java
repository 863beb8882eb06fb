package vn.khuyenhoc.cdht.recognition;

/** A selection change of the pick page that goes beyond the rows on the page, always within the filter. */
enum PickBulk {
    /** Only the page's own ticks. */
    NONE,
    /** Every VERIFIED assessment that passed, matching the filter, not in another decision. */
    SELECT_PASSING,
    /** Takes out every assessment of the selection matching the filter (and its pass/fail view). */
    CLEAR
}
