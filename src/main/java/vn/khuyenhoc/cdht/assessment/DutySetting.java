package vn.khuyenhoc.cdht.assessment;

import java.time.Instant;

/**
 * A province's workflow setting as its page shows it.
 *
 * @param version null while the province uses the default (no row saved yet): the rule applies
 */
public record DutySetting(Long provinceUnitId, boolean separationOfDuties, Long version, String updatedBy,
        Instant updatedAt) {
}
