package vn.khuyenhoc.cdht.transfer;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the import (cdht.transfer.*). The multipart limit (spring.servlet.multipart.max-file-size) must be
 * at least max-file-size, so that this module, not the container, refuses a big file, with a clear message.
 *
 * @param maxRows      data rows per file
 * @param maxFileSize  bytes per uploaded file
 * @param chunkRows    rows validated and written together (one look-up of existing records per chunk)
 * @param shownRows    rows listed on the dry-run page (all of them are counted; errors go to the CSV report)
 * @param workers      imports that run at the same time (one per user)
 */
@ConfigurationProperties("cdht.transfer")
record TransferProperties(Integer maxRows, DataSize maxFileSize, Integer chunkRows, Integer shownRows,
        Integer workers, Duration keepFinished, Duration staleAfter) {

    TransferProperties {
        maxRows = maxRows == null ? 200_000 : maxRows;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(50) : maxFileSize;
        chunkRows = chunkRows == null ? 1_000 : chunkRows;
        shownRows = shownRows == null ? 500 : shownRows;
        workers = workers == null ? 2 : workers;
        keepFinished = keepFinished == null ? Duration.ofHours(24) : keepFinished;
        staleAfter = staleAfter == null ? Duration.ofMinutes(2) : staleAfter;
    }
}
