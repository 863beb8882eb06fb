package vn.khuyenhoc.cdht.privacy;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.citizen.CitizenSummary;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.PersonalDataHolder;
import vn.khuyenhoc.cdht.shared.PersonalDataHolder.ErasedIdentity;

/**
 * Erasure at the citizen's request, in one transaction: every holder erases its part (the citizen row last), the
 * audit trail loses the erased values, and one audit line says who erased which record, when — nothing more.
 */
@Service
public class PersonalDataErasure {

    /** What stands in for the name on the citizen's row, decision lines and wherever the name was quoted. */
    public static final String TOMBSTONE = "(đã xoá theo yêu cầu)";

    private final PrivacyAccess access;
    private final List<PersonalDataHolder> holders;
    private final AuditLog audit;
    private final PersonalDataExport export;

    PersonalDataErasure(PrivacyAccess access, List<PersonalDataHolder> holders, AuditLog audit,
            PersonalDataExport export) {
        this.access = access;
        this.holders = holders.stream().sorted(Comparator.comparingInt(PersonalDataHolder::erasureOrder)).toList();
        this.audit = audit;
        this.export = export;
    }

    /** What the confirmation page lists: the citizen, and how many rows of each kind are held. */
    public record Preview(CitizenSummary citizen, Map<String, Integer> counts, boolean erased) {
    }

    /** For the citizen page: whether to offer the two actions to the signed-in user. */
    public boolean offered(Object principal, CitizenSummary citizen) {
        return principal instanceof CurrentUser user && access.may(user, citizen);
    }

    @Transactional(readOnly = true)
    public Preview preview(CurrentUser user, long citizenId) {
        CitizenSummary citizen = access.require(user, citizenId);
        Map<String, Integer> counts = new LinkedHashMap<>();
        export.tables(citizenId).forEach((table, rows) -> counts.put(table, rows.size()));
        return new Preview(citizen, counts, TOMBSTONE.equals(citizen.fullName()));
    }

    @Transactional
    public void erase(CurrentUser user, long citizenId) {
        CitizenSummary citizen = access.require(user, citizenId);
        if (TOMBSTONE.equals(citizen.fullName())) {
            throw new BusinessRuleException("privacy.erase.already");
        }
        ErasedIdentity identity = new ErasedIdentity(citizen.fullName(), citizen.phone(), citizen.maskedIdNumber(),
                TOMBSTONE);
        // read before the holders delete what names them (invitations, files)
        Map<String, Collection<Long>> subjects = new LinkedHashMap<>();
        holders.forEach(holder -> subjects.putAll(holder.auditSubjects(citizenId)));
        for (PersonalDataHolder holder : holders) {
            holder.erase(citizenId, identity);
        }
        audit.redact(subjects, identity.values(), TOMBSTONE);
        audit.record(user.username(), "CITIZEN_ERASED", "CITIZEN", citizenId, citizen.residenceUnitId(), null, null);
    }
}
