package vn.khuyenhoc.cdht.citizen;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.community.CollectiveKind;
import vn.khuyenhoc.cdht.community.Collectives;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.community.UnitLevels;
import vn.khuyenhoc.cdht.shared.Attempts;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.Constraints;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;
import vn.khuyenhoc.cdht.shared.CappedPage;
import vn.khuyenhoc.cdht.shared.SearchText;

/**
 * Registering and finding citizens. Reads are bounded by the user's subtree, writes by {@link UnitScope}
 * (admins anywhere, commune officers in their commune, verifiers in their hamlet). Every change is audited, the
 * CCCD only as "set", "changed" or "removed".
 */
@Service
@Transactional
public class Citizens {

    static final String AUDIT_TYPE = "CITIZEN";
    /** Clashing CCCDs a user may type: ten at once, then one every six minutes. */
    private static final Attempts.Limit ID_NUMBER_CONFLICTS = new Attempts.Limit(10, java.time.Duration.ofHours(1));

    private static final String SUMMARY_COLUMNS = """
            c.id, c.full_name, c.birth_year, c.gender, c.unit_id, u.code as unit_code, u.name as unit_name,
            c.target_group, c.workplace_id, c.household_id, c.clan_id, c.phone, c.id_number_masked, c.version""";

    private static final RowMapper<CitizenSummary> SUMMARY_ROW = (rs, i) -> new CitizenSummary(rs.getLong("id"),
            rs.getString("full_name"), rs.getInt("birth_year"), Gender.valueOf(rs.getString("gender")),
            rs.getLong("unit_id"), rs.getString("unit_code"), rs.getString("unit_name"),
            rs.getString("target_group"), rs.getObject("workplace_id", Long.class),
            rs.getObject("household_id", Long.class), rs.getObject("clan_id", Long.class), rs.getString("phone"),
            rs.getString("id_number_masked"), rs.getLong("version"));

    private final CitizenRepository citizens;
    private final CitizenIdNumbers idNumbers;
    private final TargetGroupDirectory targetGroups;
    private final CitizenRules rules;
    private final UnitScope scope;
    private final Collectives collectives;
    private final Units units;
    private final AuditLog audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Attempts attempts;

    Citizens(CitizenRepository citizens, CitizenIdNumbers idNumbers, TargetGroupDirectory targetGroups,
            CitizenRules rules, UnitScope scope, Collectives collectives, Units units, AuditLog audit,
            NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events, Attempts attempts) {
        this.rules = rules;
        this.citizens = citizens;
        this.idNumbers = idNumbers;
        this.targetGroups = targetGroups;
        this.scope = scope;
        this.collectives = collectives;
        this.units = units;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
        this.attempts = attempts;
    }

    /** Whether no citizen has been registered yet (demo data loads only then). */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return citizens.count() == 0;
    }

    /** The citizen if the user may see them: 404 when unknown, 403 when they live outside the user's subtree. */
    @Transactional(readOnly = true)
    public CitizenSummary get(CurrentUser user, long id) {
        Citizen citizen = load(id);
        scope.requireVisible(user, citizen.getUnitId());
        return summary(citizen);
    }

    /** As {@link #get}, and 403 unless the user may also change the citizen's data (a writing role in reach). */
    @Transactional(readOnly = true)
    public CitizenSummary requireEditable(CurrentUser user, long id) {
        Citizen citizen = load(id);
        scope.requireWritable(user, citizen.getUnitId());
        return summary(citizen);
    }

    /** Without any scope check: for modules that have checked the user against their own record first. */
    @Transactional(readOnly = true)
    public Optional<CitizenSummary> find(long id) {
        return citizens.findById(id).map(this::summary);
    }

    @Transactional(readOnly = true)
    public boolean canEdit(CurrentUser user, CitizenSummary citizen) {
        return scope.canWrite(user, citizen.residenceUnitId());
    }

    public List<vn.khuyenhoc.cdht.criteria.TargetGroupOption> targetGroups() {
        return targetGroups.options();
    }

    /** Code → current name, for pages that show a citizen's group. */
    public Map<String, String> targetGroupNames() {
        return targetGroups.names();
    }

    /**
     * Citizens in the user's subtree matching the query, by folded name. The query is driven from the user's units
     * ({@code unit_id in} the subtree, with {@code citizen (unit_id, search_name, birth_year, id)} answering a
     * commune's search from the index alone; across a province the name's trigram index, where PostgreSQL has
     * pg_trgm). The total is counted up to {@link CappedPage#countLimit} rows only. With a name, the page is chosen
     * from all matches (sorted on the index's columns) before any row is read: walking the name index in order and
     * filtering on the scope, which the planner prefers for a LIMIT, reads most of the table when the matches sort
     * late (every "Nguyễn" after the "A"s to "Ng").
     */
    @Transactional(readOnly = true)
    public CappedPage<CitizenSummary> search(CurrentUser user, CitizenQuery query, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("where c.unit_id in ")
                .append(scope.subtree(user).unitIds("s"));
        if (query.withinUnitId() != null) {
            where.append(" and c.unit_id in ").append(scope.subtreeOf(query.withinUnitId()).unitIds("w"));
        }
        Long narrowest = query.withinUnitId() != null ? query.withinUnitId()
                : user.isAdmin() ? null : user.unitId();
        boolean residence = narrowest != null && UnitLevels.RESIDENCE.contains(units.get(narrowest).levelCode());
        boolean byName = query.name() != null && !query.name().isBlank();
        if (byName) {
            where.append(" and c.search_name like :pattern escape '\\'");
            params.put("pattern", SearchText.containsPattern(query.name()));
        }
        if (query.targetGroup() != null && !query.targetGroup().isBlank()) {
            where.append(" and c.target_group = :group");
            params.put("group", query.targetGroup());
        }
        if (query.collectiveId() != null) {
            where.append(" and (c.household_id = :collective or c.clan_id = :collective"
                    + " or c.workplace_id = :collective)");
            params.put("collective", query.collectiveId());
        }
        params.put("countLimit", CappedPage.countLimit(pageable));
        long counted = jdbc.queryForObject("select count(*) from (select 1 from citizen c " + where
                + " limit :countLimit) x", params, Long.class);
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        // "offset 0 rows" keeps the matches a set of their own (an optimisation fence), so the LIMIT is not pushed
        // into a walk of the name index. Only a wide scope (province, country) browsed without a name is better
        // served by that walk (most rows it meets match); in a commune or hamlet the fenced set is read from
        // citizen (unit_id, search_name, birth_year, id) alone and sorted, a few milliseconds for a commune.
        String page = byName || residence
                ? "select h.id from (select c.id, c.search_name, c.birth_year from citizen c " + where
                        + " offset 0 rows) h order by h.search_name, h.birth_year, h.id limit :limit offset :offset"
                : "select c.id from citizen c " + where
                        + " order by c.search_name, c.birth_year, c.id limit :limit offset :offset";
        List<CitizenSummary> rows = jdbc.query("select " + SUMMARY_COLUMNS
                + " from citizen c join admin_unit u on u.id = c.unit_id join (" + page + ") p on p.id = c.id"
                + " order by c.search_name, c.birth_year, c.id", params, SUMMARY_ROW);
        return CappedPage.of(rows, pageable, counted);
    }

    /**
     * The citizen with exactly this CCCD, if they live in the user's subtree. A number registered elsewhere
     * finds nothing, so a search does not tell whether another commune has the person.
     */
    @Transactional(readOnly = true)
    public Optional<CitizenSummary> findByIdNumber(CurrentUser user, String typedIdNumber) {
        String hash = idNumbers.lookupHash(typedIdNumber);
        return citizens.findByIdNumberHash(hash)
                .filter(c -> scope.canSee(user, c.getUnitId()))
                .map(this::summary);
    }

    /**
     * A typed CCCD, checked and sealed into a token a re-rendered form may carry instead of the number, with its
     * masked form; empty if nothing usable was typed (the save then reports what is wrong).
     */
    public Optional<SealedIdNumber> sealIdNumber(String typed, String previousToken) {
        if (typed != null && !typed.isBlank()) {
            try {
                CitizenIdNumbers.Protected checked = idNumbers.protect(typed);
                return Optional.of(new SealedIdNumber(idNumbers.seal(checked), checked.masked()));
            } catch (BusinessRuleException e) {
                return Optional.empty();
            }
        }
        return idNumbers.unseal(previousToken).map(p -> new SealedIdNumber(previousToken, p.masked()));
    }

    /** A CCCD a form carries as a token: the token to post back and the mask to show. */
    public record SealedIdNumber(String token, String masked) {
    }

    /**
     * Registers a citizen. A CCCD that is already registered is always refused. Likely duplicates (same folded
     * name, birth year and residence) stop the create and come back for the user to look at, unless confirmed.
     */
    public CitizenCreation create(CurrentUser user, CitizenDraft draft, boolean confirmDuplicates) {
        scope.requireWriter(user);
        Checked checked = check(user, draft, null);
        Citizen.Details details = checked.details();
        CitizenIdNumbers.Protected idNumber = checked.idNumber();
        if (idNumber != null) {
            requireIdNumberBudget(user);
            citizens.findByIdNumberHash(idNumber.hash()).ifPresent(other -> {
                throw idNumberTaken(user, other);
            });
        }
        List<Citizen> lookAlikes = citizens.findBySearchNameAndBirthYearAndUnitIdOrderById(
                SearchText.fold(details.fullName()), details.birthYear(), details.unitId());
        if (!lookAlikes.isEmpty() && !confirmDuplicates) {
            return new CitizenCreation(null, lookAlikes.stream().map(this::summary).toList());
        }
        Citizen citizen = new Citizen(details, idNumber);
        saveAndFlush(citizen);
        events.publishEvent(CitizenChanged.of(citizen.getId(), null, details));
        audit.record(user.username(), "CITIZEN_CREATED", AUDIT_TYPE, citizen.getId(), details.unitId(),
                describe(citizen) + (lookAlikes.isEmpty() ? "" : "; created despite possible duplicates "
                        + lookAlikes.stream().map(Citizen::getId).toList()), null);
        return new CitizenCreation(citizen.getId(), List.of());
    }

    /**
     * Changes a citizen. A blank CCCD (and no token) keeps the stored one; removeIdNumber deletes it.
     * expectedVersion is the version the form was opened with: a different one means someone saved in between.
     */
    public void update(CurrentUser user, long id, CitizenDraft draft, boolean removeIdNumber, long expectedVersion) {
        Citizen citizen = load(id);
        scope.requireWritable(user, citizen.getUnitId());
        if (citizen.getVersion() != expectedVersion) {
            throw new BusinessRuleException("error.concurrentEdit");
        }
        CitizenDraft kept = removeIdNumber ? new CitizenDraft(draft.fullName(), draft.birthYear(), draft.gender(),
                draft.residenceCode(), draft.targetGroup(), draft.workplaceId(), draft.householdId(), draft.clanId(),
                draft.phone(), null, null) : draft;
        Checked checked = check(user, kept, citizen);
        Citizen.Details details = checked.details();
        CitizenIdNumbers.Protected idNumber = checked.idNumber();
        if (idNumber != null && !idNumber.hash().equals(citizen.getIdNumberHash())) {
            requireIdNumberBudget(user);
            citizens.findByIdNumberHash(idNumber.hash()).filter(other -> !other.getId().equals(citizen.getId()))
                    .ifPresent(other -> {
                        throw idNumberTaken(user, other);
                    });
        }
        String before = describe(citizen);
        String oldHash = citizen.getIdNumberHash();
        Citizen.Details oldDetails = citizen.details();
        citizen.change(details);
        if (removeIdNumber || idNumber != null) {
            citizen.replaceIdNumber(idNumber);
        }
        saveAndFlush(citizen);
        events.publishEvent(CitizenChanged.of(id, oldDetails, details));
        String idChange = Objects.equals(oldHash, citizen.getIdNumberHash()) ? ""
                : citizen.getIdNumberHash() == null ? "; cccd removed" : "; cccd changed";
        audit.record(user.username(), "CITIZEN_UPDATED", AUDIT_TYPE, id, details.unitId(),
                before + " -> " + describe(citizen) + idChange, null);
    }

    private record Checked(Citizen.Details details, CitizenIdNumbers.Protected idNumber) {
    }

    /**
     * Checks every rule: the fields' own ({@link CitizenRules}, the first problem thrown), then where the citizen
     * lives and the collectives they belong to, which depend on the user. existing is null on create.
     */
    private Checked check(CurrentUser user, CitizenDraft draft, Citizen existing) {
        CitizenRules.Checked fields = rules.check(draft);
        if (!fields.problems().isEmpty()) {
            throw fields.problems().get(0).toException();
        }
        Citizen.Details before = existing == null ? null : existing.details();
        long unitId = residence(user, draft.residenceCode(), before);
        // A membership kept as it was stays valid even if a verifier cannot reach the clan's commune.
        Long household = membership(user, CollectiveKind.HOUSEHOLD, draft.householdId(),
                before == null ? null : before.householdId(), "householdId");
        Long clan = membership(user, CollectiveKind.CLAN, draft.clanId(), before == null ? null : before.clanId(),
                "clanId");
        Long workplace = membership(user, CollectiveKind.LEARNING_UNIT, draft.workplaceId(),
                before == null ? null : before.workplaceId(), "workplaceId");
        return new Checked(new Citizen.Details(fields.fullName(), draft.birthYear(), draft.gender(), unitId,
                draft.targetGroup(), workplace, household, clan, fields.phone()), fields.idNumber());
    }

    private long residence(CurrentUser user, String code, Citizen.Details before) {
        if (before != null) {
            UnitSummary current = units.get(before.unitId());
            if (current.code().equals(code == null ? "" : code.trim())) {
                return current.id();
            }
        }
        return scope.attachableUnit(user, code, UnitLevels.RESIDENCE, "residenceCode").id();
    }

    private Long membership(CurrentUser user, CollectiveKind kind, Long chosen, Long before, String field) {
        if (chosen == null || chosen.equals(before)) {
            return chosen;
        }
        return collectives.requireAttachable(user, kind, chosen, field).id();
    }

    private void saveAndFlush(Citizen citizen) {
        try {
            citizens.saveAndFlush(citizen);
        } catch (DataIntegrityViolationException e) {
            if (!Constraints.violated(e, "citizen_id_number_uq")) {
                throw e;
            }
            // The unique index caught the same CCCD saved by someone else at the same moment (whose unit this
            // user may not see: the neutral answer).
            throw BusinessRuleException.onField(CitizenIdNumbers.FIELD, "citizen.idNumber.review");
        }
    }

    /**
     * A CCCD that is already registered. Confirmed as such only to a user who may read that citizen; anyone else
     * gets a neutral answer (the number "needs checking by the province") and the match is written to the other
     * citizen's history, where the province sees it, so a CCCD cannot be used to find out where a person lives.
     */
    private BusinessRuleException idNumberTaken(CurrentUser user, Citizen other) {
        attempts.fail(idNumberKey(user), ID_NUMBER_CONFLICTS);
        boolean visible;
        try {
            scope.requireVisible(user, other.getUnitId());
            visible = true;
        } catch (OutOfScopeException e) {
            visible = false;
        }
        audit.recordStandalone(user.username(), visible ? "CITIZEN_ID_NUMBER_DUPLICATE" : "CITIZEN_ID_NUMBER_CONFLICT",
                AUDIT_TYPE, other.getId(), "a CCCD typed by " + user.username() + " (unit " + user.unitId()
                        + ") is this citizen's" + (visible ? "" : "; outside their unit: to be resolved by the province"));
        return BusinessRuleException.onField(CitizenIdNumbers.FIELD,
                visible ? "citizen.idNumber.taken" : "citizen.idNumber.review");
    }

    /** Clashing CCCDs are limited per user, so that guessing numbers to locate people is slow and visible. */
    private void requireIdNumberBudget(CurrentUser user) {
        if (attempts.blockedFor(idNumberKey(user), ID_NUMBER_CONFLICTS).isPresent()) {
            throw BusinessRuleException.onField(CitizenIdNumbers.FIELD, "citizen.idNumber.throttled");
        }
    }

    private static String idNumberKey(CurrentUser user) {
        return "cccd:" + user.username();
    }

    private Citizen load(long id) {
        return citizens.findById(id).orElseThrow(() -> new NotFoundException("citizen " + id));
    }

    private CitizenSummary summary(Citizen citizen) {
        Citizen.Details d = citizen.details();
        UnitSummary unit = units.get(d.unitId());
        return new CitizenSummary(citizen.getId(), d.fullName(), d.birthYear(), d.gender(), unit.id(), unit.code(),
                unit.name(), d.targetGroup(), d.workplaceId(), d.householdId(), d.clanId(), d.phone(),
                citizen.getIdNumberMasked(), citizen.getVersion());
    }

    /** For the audit trail: every field but the CCCD, of which only whether it is set. */
    private static String describe(Citizen citizen) {
        Citizen.Details d = citizen.details();
        return "'" + d.fullName() + "' born=" + d.birthYear() + " gender=" + d.gender() + " unit=" + d.unitId()
                + " group=" + d.targetGroup() + " household=" + d.householdId() + " clan=" + d.clanId()
                + " workplace=" + d.workplaceId() + " phone=" + d.phone() + " cccd="
                + (citizen.getIdNumberHash() == null ? "none" : "set");
    }
}
