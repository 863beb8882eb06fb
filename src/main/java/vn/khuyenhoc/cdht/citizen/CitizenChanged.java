package vn.khuyenhoc.cdht.citizen;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Published after a citizen is registered or changed, inside the changing transaction (for the roll-ups): the
 * residence units and the collectives (household, clan, workplace) the citizen had before and has now.
 */
public record CitizenChanged(long citizenId, Set<Long> residenceUnitIds, Set<Long> collectiveIds) {

    public CitizenChanged {
        residenceUnitIds = Set.copyOf(residenceUnitIds);
        collectiveIds = Set.copyOf(collectiveIds);
    }

    /** before is null for a new citizen. */
    static CitizenChanged of(long citizenId, Citizen.Details before, Citizen.Details after) {
        Set<Long> units = new HashSet<>();
        Set<Long> collectives = new HashSet<>();
        for (Citizen.Details d : before == null ? List.of(after) : List.of(before, after)) {
            units.add(d.unitId());
            Stream.of(d.householdId(), d.clanId(), d.workplaceId()).filter(id -> id != null).forEach(collectives::add);
        }
        return new CitizenChanged(citizenId, units, collectives);
    }
}
