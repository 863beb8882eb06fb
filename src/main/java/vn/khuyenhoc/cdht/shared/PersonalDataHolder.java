package vn.khuyenhoc.cdht.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A module that holds data about a citizen implements this, so that the privacy module can export everything held
 * about one person and erase it, while each module's SQL keeps to its own tables. Implementations run inside the
 * caller's transaction.
 */
public interface PersonalDataHolder {

    /** The tables this module holds about the citizen, each as its rows (column → value); secrets left out. */
    Map<String, List<Map<String, Object>>> export(long citizenId);

    /** The audit subjects (entity type → ids) whose audit lines concern the citizen. */
    default Map<String, Collection<Long>> auditSubjects(long citizenId) {
        return Map.of();
    }

    /**
     * Erases or anonymises what this module holds about the citizen. identity: the values to scrub wherever they
     * were typed into free text; tombstone: what stands in for the name where a record must stay.
     */
    void erase(long citizenId, ErasedIdentity identity);

    /** Holders erase in ascending order; the one holding the identity itself goes last. */
    default int erasureOrder() {
        return 0;
    }

    /** The identity being erased: full name, phone and the masked CCCD (null where none), and the tombstone. */
    record ErasedIdentity(String fullName, String phone, String maskedIdNumber, String tombstone) {

        /** The values that must not survive anywhere, longest first (so a name is replaced before its parts). */
        public List<String> values() {
            return java.util.stream.Stream.of(fullName, phone, maskedIdNumber)
                    .filter(v -> v != null && !v.isBlank())
                    .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                    .toList();
        }
    }
}
