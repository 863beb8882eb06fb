package vn.khuyenhoc.cdht.evidence;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of evidence files.
 *
 * @param maxFileSize     bytes per file as sent (default 5 MB)
 * @param maxFilesPerForm files per assessment, all indicators together (default 19: the 20th is refused)
 * @param maxImageSide    longest side of a stored image in pixels; larger ones are downscaled (default 1600)
 * @param thumbnailSide   longest side of a thumbnail (default 160)
 * @param maxPixels       an image with more pixels than this is refused before it is decoded (default 40 million)
 */
@ConfigurationProperties("cdht.evidence")
record EvidenceSettings(DataSize maxFileSize, int maxFilesPerForm, int maxImageSide, int thumbnailSide,
        long maxPixels) {

    EvidenceSettings {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(5) : maxFileSize;
        maxFilesPerForm = maxFilesPerForm <= 0 ? 19 : maxFilesPerForm;
        maxImageSide = maxImageSide <= 0 ? 1600 : maxImageSide;
        thumbnailSide = thumbnailSide <= 0 ? 160 : thumbnailSide;
        maxPixels = maxPixels <= 0 ? 40_000_000L : maxPixels;
    }
}
