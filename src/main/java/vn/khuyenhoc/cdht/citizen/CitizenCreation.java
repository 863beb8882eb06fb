package vn.khuyenhoc.cdht.citizen;

import java.util.List;

/** The outcome of a create: the new citizen's id, or the likely duplicates that stopped it (nothing saved). */
public record CitizenCreation(Long citizenId, List<CitizenSummary> possibleDuplicates) {

    public boolean created() {
        return citizenId != null;
    }
}
