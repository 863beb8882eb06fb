package vn.khuyenhoc.cdht.system;

/**
 * One line of a home page's work queue: a count (message key with the count and the year) linking to the list
 * that holds the work.
 *
 * @param id an element id for the line (tests and the browser find it by this)
 */
record WorkItem(String id, String messageKey, long count, String year, String href) {
}
