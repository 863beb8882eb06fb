package vn.khuyenhoc.cdht.community;

/** Which collectives a list shows by their status in the chosen year. */
public enum StatusFilter {
    ALL,
    RECOGNISED,
    NOT_RECOGNISED,
    UNRECORDED
}
