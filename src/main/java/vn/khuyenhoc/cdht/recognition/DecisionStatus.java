package vn.khuyenhoc.cdht.recognition;

/** A decision is drafted, then issued once; an issued decision never changes (revocations aside). */
public enum DecisionStatus {
    DRAFT,
    ISSUED
}
