package vn.khuyenhoc.cdht.evidence;

/** A file that passed the checks, as it will be stored: re-encoded for images, as sent for PDFs. */
record CheckedFile(String fileName, String contentType, byte[] content, byte[] thumbnail) {
}
