package vn.khuyenhoc.cdht.recognition;

/** What a decision does to one assessment it includes. */
public enum ItemOutcome {
    RECOGNISED,
    NOT_RECOGNISED
}
