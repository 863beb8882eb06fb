package vn.khuyenhoc.cdht.recognition;

import java.time.Instant;

/**
 * Who issues and signs a province's recognition decisions.
 *
 * @param version null while the province uses the defaults (no row saved yet)
 */
public record SettingView(Long provinceUnitId, IssuerKind issuerKind, String signerTitle, String legalBasis,
        Long version, String updatedBy, Instant updatedAt) {
}
