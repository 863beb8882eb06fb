package vn.khuyenhoc.cdht.community;

import java.time.LocalDate;
import java.time.Year;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.Subtree;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.Constraints;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;
import vn.khuyenhoc.cdht.shared.SearchText;

/**
 * Households, clans, hamlet communities and learning units, and their yearly recognition status. Every method
 * that takes a user checks the record's unit against the user's subtree ({@link UnitScope}).
 */
@Service
@Transactional
public class Collectives {

    static final String AUDIT_TYPE = "COLLECTIVE";
    static final int FIRST_YEAR = 2000;

    private final CollectiveRepository collectives;
    private final CollectiveYearRepository years;
    private final UnitScope scope;
    private final Units units;
    private final AuditLog audit;
    private final NamedParameterJdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    Collectives(CollectiveRepository collectives, CollectiveYearRepository years, UnitScope scope, Units units,
            AuditLog audit, NamedParameterJdbcTemplate jdbc, ApplicationEventPublisher events) {
        this.collectives = collectives;
        this.years = years;
        this.scope = scope;
        this.units = units;
        this.audit = audit;
        this.jdbc = jdbc;
        this.events = events;
    }

    /** Whether no collective has been recorded yet (demo data loads only then). */
    @Transactional(readOnly = true)
    public boolean isEmpty() {
        return collectives.count() == 0;
    }

    /** The collective if the user may see it: 404 when it does not exist, 403 outside the user's subtree. */
    @Transactional(readOnly = true)
    public CollectiveSummary get(CurrentUser user, long id) {
        Collective collective = load(id);
        scope.requireVisible(user, collective.getUnitId());
        return summary(collective);
    }

    /** As {@link #get(CurrentUser, long)}, and 404 when the id names a collective of another kind. */
    @Transactional(readOnly = true)
    public CollectiveSummary get(CurrentUser user, CollectiveKind kind, long id) {
        Collective collective = load(id);
        if (collective.getKind() != kind) {
            throw new NotFoundException(kind + " " + id);
        }
        scope.requireVisible(user, collective.getUnitId());
        return summary(collective);
    }

    /** Without any scope check: for modules that have already checked the record that points here. */
    @Transactional(readOnly = true)
    public Optional<CollectiveSummary> find(long id) {
        return collectives.findById(id).map(this::summary);
    }

    /**
     * A collective a citizen in the user's care may belong to: of this kind and inside the user's subtree, or
     * for a workplace (learning unit) also one attached above the user's unit, such as a provincial agency.
     * Anything else is refused on the form field as unknown.
     */
    @Transactional(readOnly = true)
    public CollectiveSummary requireAttachable(CurrentUser user, CollectiveKind kind, long id, String field) {
        Collective collective = collectives.findById(id)
                .filter(c -> c.getKind() == kind)
                .filter(c -> scope.canSee(user, c.getUnitId())
                        || kind == CollectiveKind.LEARNING_UNIT && scope.isWithin(user.unitId(), c.getUnitId()))
                .orElseThrow(() -> BusinessRuleException.onField(field, "community.collective.unknown"));
        return summary(collective);
    }

    /** What a citizen form offers for this kind (see {@link #requireAttachable}), by name. */
    @Transactional(readOnly = true)
    public List<CollectiveSummary> options(CurrentUser user, CollectiveKind kind) {
        Subtree within = scope.subtree(user);
        String aboveUser = kind == CollectiveKind.LEARNING_UNIT ? " or " + Subtree.above("u.path", "scopePath") : "";
        return jdbc.query("""
                select c.id, c.kind, c.name, c.unit_id, c.unit_type, c.version, u.code as unit_code,
                       u.name as unit_name
                from collective c join admin_unit u on u.id = c.unit_id
                where c.kind = :kind and (""" + Subtree.below("u.path", "scopePath") + aboveUser + """
                )
                order by c.search_name, c.id
                limit""" + " " + UnitScope.MAX_OPTIONS,
                Map.of("kind", kind.name(), "scopePath", within.path()),
                (rs, i) -> new CollectiveSummary(rs.getLong("id"), CollectiveKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getLong("unit_id"), rs.getString("unit_code"),
                        rs.getString("unit_name"), unitType(rs.getString("unit_type")), rs.getLong("version")));
    }

    /**
     * Collectives of one kind in the user's subtree, optionally inside one unit's subtree, matching the name
     * without regard to accents, with their status in the given year.
     */
    @Transactional(readOnly = true)
    public Page<CollectiveRow> search(CurrentUser user, CollectiveKind kind, String query, Long withinUnitId,
            int year, StatusFilter status, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder("""
                from collective c join admin_unit u on u.id = c.unit_id
                left join collective_year y on y.collective_id = c.id and y.status_year = :year
                where c.kind = :kind""");
        Subtree within = scope.subtree(user);
        where.append(" and ").append(Subtree.below("u.path", "scopePath"));
        params.put("kind", kind.name());
        params.put("year", year);
        params.put("scopePath", within.path());
        if (withinUnitId != null) {
            Subtree unit = scope.subtreeOf(withinUnitId);
            where.append(" and ").append(Subtree.below("u.path", "unitPath"));
            params.put("unitPath", unit.path());
        }
        if (query != null && !query.isBlank()) {
            where.append(" and c.search_name like :pattern escape '\\'");
            params.put("pattern", SearchText.containsPattern(query));
        }
        switch (status == null ? StatusFilter.ALL : status) {
            case RECOGNISED -> where.append(" and y.recognised = true");
            case NOT_RECOGNISED -> where.append(" and y.recognised = false");
            case UNRECORDED -> where.append(" and y.id is null");
            case ALL -> { }
        }
        long total = jdbc.queryForObject("select count(*) " + where, params, Long.class);
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        List<CollectiveRow> rows = jdbc.query("""
                select c.id, c.kind, c.name, c.unit_type, u.name as unit_name, y.recognised, y.member_count
                """ + where + " order by c.search_name, c.id limit :limit offset :offset", params,
                (rs, i) -> new CollectiveRow(rs.getLong("id"), CollectiveKind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getString("unit_name"), unitType(rs.getString("unit_type")),
                        (Boolean) rs.getObject("recognised"), (Integer) rs.getObject("member_count")));
        return new PageImpl<>(rows, pageable, total);
    }

    public long create(CurrentUser user, CollectiveDraft draft) {
        scope.requireWriter(user);
        CollectiveKind kind = draft.kind();
        UnitSummary unit = scope.attachableUnit(user, draft.unitCode(), kind.unitLevels(), "unitCode");
        requireType(kind, draft.unitType());
        requireNoOtherCommunity(kind, unit, null);
        Collective collective = new Collective(kind, draft.name(), unit.id(), draft.unitType());
        saveAndFlush(collective, unit);
        events.publishEvent(new CollectiveChanged(collective.getId(), kind, unit.id(), unit.id()));
        audit.record(user.username(), "COLLECTIVE_CREATED", AUDIT_TYPE, collective.getId(), unit.id(),
                describe(collective, unit), null);
        return collective.getId();
    }

    public void update(CurrentUser user, long id, CollectiveDraft draft, long expectedVersion) {
        Collective collective = load(id);
        UnitSummary oldUnit = scope.requireWritable(user, collective.getUnitId());
        if (collective.getVersion() != expectedVersion) {
            throw new BusinessRuleException("error.concurrentEdit");
        }
        CollectiveKind kind = collective.getKind();
        // An unchanged unit stays valid even if it has since been retired; a new one must be current and in reach.
        UnitSummary unit = oldUnit.code().equals(draft.unitCode() == null ? "" : draft.unitCode().trim())
                ? oldUnit
                : scope.attachableUnit(user, draft.unitCode(), kind.unitLevels(), "unitCode");
        requireType(kind, draft.unitType());
        requireNoOtherCommunity(kind, unit, collective.getId());
        String before = describe(collective, oldUnit);
        collective.change(draft.name(), unit.id(), draft.unitType());
        saveAndFlush(collective, unit);
        events.publishEvent(new CollectiveChanged(id, kind, oldUnit.id(), unit.id()));
        audit.record(user.username(), "COLLECTIVE_UPDATED", AUDIT_TYPE, id, unit.id(),
                before + " -> " + describe(collective, unit), null);
    }

    /** The yearly statuses of a collective the user may see, latest year first. */
    @Transactional(readOnly = true)
    public List<YearStatus> statuses(CurrentUser user, long id) {
        scope.requireVisible(user, load(id).getUnitId());
        return years.findByCollectiveIdOrderByYearDesc(id).stream().map(CollectiveYear::toStatus).toList();
    }

    /** Without any scope check: a collective's status in one year, for reports and the recognition module. */
    @Transactional(readOnly = true)
    public Optional<YearStatus> status(long collectiveId, int year) {
        return years.findByCollectiveIdAndYear(collectiveId, year).map(CollectiveYear::toStatus);
    }

    /**
     * Records (or corrects) the status of one year. expectedVersion is the version of that year's status when
     * the form was opened, or null if there was none then; anything else means someone saved in between.
     */
    public void recordStatus(CurrentUser user, long id, YearStatusDraft draft, Long expectedVersion) {
        Collective collective = load(id);
        scope.requireWritable(user, collective.getUnitId());
        int year = requireYear(draft.year());
        String reference = draft.decisionRef() == null || draft.decisionRef().isBlank()
                ? null : draft.decisionRef().trim();
        if (draft.recognised() && reference == null) {
            throw BusinessRuleException.onField("decisionRef", "community.status.decisionRequired");
        }
        if (draft.recognised() && draft.decisionDate() == null) {
            throw BusinessRuleException.onField("decisionDate", "community.status.decisionDateRequired");
        }
        if (draft.decisionDate() != null && draft.decisionDate().isAfter(LocalDate.now())) {
            throw BusinessRuleException.onField("decisionDate", "community.status.decisionDateFuture");
        }
        Integer members = null;
        if (collective.getKind() == CollectiveKind.LEARNING_UNIT) {
            if (draft.memberCount() == null || draft.memberCount() < 0) {
                throw BusinessRuleException.onField("memberCount", "community.status.membersRequired");
            }
            members = draft.memberCount();
        }
        Optional<CollectiveYear> existing = years.findByCollectiveIdAndYear(id, year);
        if (existing.isPresent() ? expectedVersion == null || existing.get().getVersion() != expectedVersion
                : expectedVersion != null) {
            throw new BusinessRuleException("error.concurrentEdit");
        }
        CollectiveYear row = existing.orElseGet(() -> new CollectiveYear(id, year));
        String before = existing.map(CollectiveYear::describe).orElse("none");
        row.record(draft.recognised(), reference, draft.decisionDate(), members);
        try {
            years.saveAndFlush(row);
        } catch (DataIntegrityViolationException e) {
            if (!Constraints.uniqueViolation(e)) {
                throw e; // not the clash this message is about: the error page
            }
            // Someone recorded the same year between our read and our write.
            throw new BusinessRuleException("error.concurrentEdit");
        }
        events.publishEvent(new CollectiveStatusChanged(id, collective.getKind(), collective.getUnitId(), year));
        audit.record(user.username(), "COLLECTIVE_STATUS_RECORDED", AUDIT_TYPE, id, collective.getUnitId(),
                collective.getKind() + " '" + collective.getName() + "' " + before + " -> " + row.describe(),
                null);
    }

    /** Whether the user may change this collective (for showing the buttons; the writes check again). */
    @Transactional(readOnly = true)
    public boolean canEdit(CurrentUser user, CollectiveSummary collective) {
        return scope.canWrite(user, collective.unitId());
    }

    static int latestYear() {
        return Year.now().getValue() + 1;
    }

    private static int requireYear(Integer year) {
        if (year == null || year < FIRST_YEAR || year > latestYear()) {
            throw BusinessRuleException.onField("year", "community.status.yearRange", String.valueOf(FIRST_YEAR),
                    String.valueOf(latestYear()));
        }
        return year;
    }

    private static void requireType(CollectiveKind kind, LearningUnitType type) {
        if (kind == CollectiveKind.LEARNING_UNIT && type == null) {
            throw BusinessRuleException.onField("unitType", "community.unitType.required");
        }
    }

    private void requireNoOtherCommunity(CollectiveKind kind, UnitSummary unit, Long selfId) {
        if (kind != CollectiveKind.COMMUNITY) {
            return;
        }
        boolean taken = selfId == null
                ? collectives.existsByKindAndUnitId(kind, unit.id())
                : collectives.existsByKindAndUnitIdAndIdNot(kind, unit.id(), selfId);
        if (taken) {
            throw BusinessRuleException.onField("unitCode", "community.community.exists", unit.name());
        }
    }

    private void saveAndFlush(Collective collective, UnitSummary unit) {
        try {
            collectives.saveAndFlush(collective);
        } catch (DataIntegrityViolationException e) {
            if (!Constraints.uniqueViolation(e)) {
                throw e; // not the clash this message is about: the error page
            }
            // PostgreSQL's unique index caught a second community for the hamlet saved at the same moment.
            throw BusinessRuleException.onField("unitCode", "community.community.exists", unit.name());
        }
    }

    private Collective load(long id) {
        return collectives.findById(id).orElseThrow(() -> new NotFoundException("collective " + id));
    }

    private CollectiveSummary summary(Collective collective) {
        UnitSummary unit = units.get(collective.getUnitId());
        return new CollectiveSummary(collective.getId(), collective.getKind(), collective.getName(), unit.id(),
                unit.code(), unit.name(), collective.getUnitType(), collective.getVersion());
    }

    private static LearningUnitType unitType(String text) {
        return text == null ? null : LearningUnitType.valueOf(text);
    }

    private static String describe(Collective collective, UnitSummary unit) {
        return collective.getKind() + " '" + collective.getName() + "' unit=" + unit.code()
                + (collective.getUnitType() == null ? "" : " type=" + collective.getUnitType());
    }
}
