package vn.khuyenhoc.cdht.evidence;

import java.time.Instant;

/**
 * One stored file as pages list it.
 *
 * @param indicatorCode the indicator it backs; null for the whole form
 */
public record EvidenceFile(long id, long assessmentId, String indicatorCode, String fileName, String contentType,
        long sizeBytes, String sha256, String uploadedBy, Instant uploadedAt) {

    public boolean image() {
        return contentType.startsWith("image/");
    }

    /** Size for people: "12 KB", "1.4 MB". */
    public String size() {
        return sizeOf(sizeBytes);
    }

    public static String sizeOf(long bytes) {
        if (bytes < 1024 * 1024) {
            return Math.max(1, Math.round(bytes / 1024.0)) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
