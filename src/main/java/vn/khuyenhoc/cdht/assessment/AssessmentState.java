package vn.khuyenhoc.cdht.assessment;

/**
 * Where a yearly assessment stands. RETURNED behaves like DRAFT (editable, can be submitted again) but remembers
 * that a verifier sent it back and why. RECOGNISED and NOT_RECOGNISED are set by a recognition decision; a
 * recognised assessment changes only through revocation.
 */
public enum AssessmentState {
    DRAFT,
    SUBMITTED,
    VERIFIED,
    RETURNED,
    RECOGNISED,
    NOT_RECOGNISED;

    /** Decided by a recognition decision: nothing but revocation changes it. */
    public boolean decided() {
        return this == RECOGNISED || this == NOT_RECOGNISED;
    }
}
