package vn.khuyenhoc.cdht.portal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.citizen.CitizenSummary;
import vn.khuyenhoc.cdht.citizen.Citizens;
import vn.khuyenhoc.cdht.area.Subtree;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * Staff side of the portal: issue invitations (one citizen, or every citizen living in a unit's subtree), list them
 * with their status, revoke them, and the share of online self-assessments per unit. Issuing and revoking follow
 * {@link UnitScope} (admins anywhere, commune officers in their commune, verifiers in their hamlet; other roles
 * only read); lists are bounded by the user's subtree. A new invitation revokes the citizen's older open ones. The
 * code itself is returned once, to be printed or shared now: only its hash is stored.
 */
@Service
@Transactional
class Invitations {

    static final String AUDIT_TYPE = "PORTAL_INVITATION";
    /** More citizens than this in one batch is a sign to issue per hamlet. */
    static final int MAX_BATCH = 1000;
    static final int MAX_ROWS = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final Citizens citizens;
    private final UnitScope scope;
    private final CitizenAccess access;
    private final PortalProperties properties;
    private final AuditLog audit;

    Invitations(NamedParameterJdbcTemplate jdbc, Citizens citizens, UnitScope scope, CitizenAccess access,
            PortalProperties properties, AuditLog audit) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.scope = scope;
        this.access = access;
        this.properties = properties;
        this.audit = audit;
    }

    /** One citizen's invitation; 404 for an unknown citizen, 403 outside the user's reach or for a reader. */
    List<IssuedInvitation> issue(CurrentUser user, long citizenId, int year) {
        requireYear(year);
        CitizenSummary citizen = citizens.requireEditable(user, citizenId);
        return List.of(issue(user, citizen, year));
    }

    /** An invitation for every citizen living in the unit's subtree, by name. */
    List<IssuedInvitation> issueForUnit(CurrentUser user, long unitId, int year) {
        requireYear(year);
        scope.requireWritable(user, unitId);
        List<Long> ids = citizensIn(unitId);
        if (ids.isEmpty()) {
            throw new BusinessRuleException("portal.issue.noCitizens");
        }
        if (ids.size() > MAX_BATCH) {
            throw new BusinessRuleException("portal.issue.tooMany", ids.size(), MAX_BATCH);
        }
        List<IssuedInvitation> issued = new ArrayList<>();
        for (long id : ids) {
            issued.add(issue(user, citizens.requireEditable(user, id), year));
        }
        return issued;
    }

    /** OPEN → REVOKED; 404/403 as for issuing; a used or revoked invitation cannot be revoked again. */
    void revoke(CurrentUser user, long invitationId) {
        List<Map<String, Object>> rows = jdbc.queryForList("select unit_id, status from portal_invitation "
                + "where id = :id", Map.of("id", invitationId));
        if (rows.isEmpty()) {
            throw new NotFoundException("invitation " + invitationId);
        }
        long unitId = ((Number) rows.get(0).get("unit_id")).longValue();
        scope.requireWritable(user, unitId);
        int changed = jdbc.update("update portal_invitation set status = 'REVOKED', revoked_at = :now, "
                + "revoked_by = :user where id = :id and status = 'OPEN'", Map.of("now", Timestamp.from(Instant.now()),
                        "user", user.username(), "id", invitationId));
        if (changed == 0) {
            throw new BusinessRuleException("portal.revoke.notOpen");
        }
        audit.record(user.username(), "PORTAL_INVITATION_REVOKED", AUDIT_TYPE, invitationId, unitId, "revoked",
                null);
    }

    /** The invitations of the year in the user's subtree (or the unit's, if given), newest first. */
    @Transactional(readOnly = true)
    List<InvitationRow> list(CurrentUser user, int year, Long unitId) {
        Subtree within = unitId == null ? scope.subtree(user) : subtreeOf(user, unitId);
        return jdbc.query("""
                select i.id, i.citizen_id, i.unit_id, c.full_name, u.name as unit_name, i.status, i.expires_at, i.issued_at,
                       i.issued_by, i.used_at, i.revoked_at, i.revoked_by
                from portal_invitation i
                join citizen_register c on c.id = i.citizen_id
                join admin_unit u on u.id = i.unit_id
                where i.assessment_year = :year and\s""" + Subtree.below("u.path", "path") + """

                order by i.issued_at desc, i.id desc
                limit""" + " " + MAX_ROWS, Map.of("year", year, "path", within.path()), (rs, n) -> new InvitationRow(
                        rs.getLong("id"), rs.getLong("citizen_id"), rs.getString("full_name"),
                        rs.getString("unit_name"), status(rs.getString("status"),
                                rs.getTimestamp("expires_at").toInstant()),
                        rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("issued_at").toInstant(),
                        rs.getString("issued_by"), instant(rs.getTimestamp("used_at")),
                        instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"),
                        scope.canWrite(user, rs.getLong("unit_id"))));
    }

    /**
     * Per unit holding assessments of the year in the subtree: how many, how many the citizens entered themselves
     * online (channel ONLINE_SELF), and how many invitations were used. One aggregate query.
     */
    @Transactional(readOnly = true)
    List<OnlineShare> onlineShare(CurrentUser user, int year, Long unitId) {
        Subtree within = unitId == null ? scope.subtree(user) : subtreeOf(user, unitId);
        return jdbc.query("""
                select u.id, u.name, u.path, count(a.id) as total,
                       count(a.id) filter (where a.channel = 'ONLINE_SELF') as online
                from assessment_outcome a
                join admin_unit u on u.id = a.unit_id
                where a.assessment_year = :year and\s""" + Subtree.below("u.path", "path") + """

                group by u.id, u.name, u.path
                order by u.path
                limit""" + " " + MAX_ROWS, Map.of("year", year, "path", within.path()),
                (rs, n) -> new OnlineShare(rs.getLong("id"), rs.getString("name"), rs.getLong("total"),
                        rs.getLong("online")));
    }

    /** The citizens living in the unit's subtree, for the issue page; 404/403 as for reading the unit. */
    @Transactional(readOnly = true)
    List<CitizenOption> citizensOf(CurrentUser user, long unitId, int year) {
        Subtree within = subtreeOf(user, unitId);
        return jdbc.query("""
                select c.id, c.full_name, u.name as unit_name,
                       (select i.status from portal_invitation i where i.citizen_id = c.id
                          and i.assessment_year = :year order by i.id desc limit 1) as status,
                       (select i.expires_at from portal_invitation i where i.citizen_id = c.id
                          and i.assessment_year = :year order by i.id desc limit 1) as expires_at
                from citizen_register c join admin_unit u on u.id = c.unit_id
                where\s""" + Subtree.below("u.path", "path") + """

                order by c.search_name, c.id
                limit""" + " " + MAX_BATCH, Map.of("path", within.path(), "year", year),
                (rs, n) -> new CitizenOption(rs.getLong("id"), rs.getString("full_name"), rs.getString("unit_name"),
                        rs.getString("status") == null ? null
                                : status(rs.getString("status"), rs.getTimestamp("expires_at").toInstant())));
    }

    private IssuedInvitation issue(CurrentUser user, CitizenSummary citizen, int year) {
        Instant now = Instant.now();
        Map<String, Object> revoke = new HashMap<>();
        revoke.put("now", Timestamp.from(now));
        revoke.put("user", user.username());
        revoke.put("citizen", citizen.id());
        int revoked = jdbc.update("update portal_invitation set status = 'REVOKED', revoked_at = :now, "
                + "revoked_by = :user where citizen_id = :citizen and status = 'OPEN'", revoke);
        String reference = access.ensureAccess(citizen.id());
        String code = Secrets.code();
        while (jdbc.queryForObject("select count(*) from portal_invitation where code_hash = :hash",
                Map.of("hash", Secrets.hash(code)), Integer.class) > 0) {
            code = Secrets.code();
        }
        long id = jdbc.queryForObject("select nextval('portal_invitation_seq')", Map.of(), Long.class);
        Instant expires = now.plus(properties.invitationValidity());
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        params.put("citizen", citizen.id());
        params.put("unit", citizen.residenceUnitId());
        params.put("year", year);
        params.put("hash", Secrets.hash(code));
        params.put("expires", Timestamp.from(expires));
        params.put("now", Timestamp.from(now));
        params.put("user", user.username());
        jdbc.update("insert into portal_invitation (id, citizen_id, unit_id, assessment_year, code_hash, status, "
                + "expires_at, issued_at, issued_by) values (:id, :citizen, :unit, :year, :hash, 'OPEN', :expires, "
                + ":now, :user)", params);
        audit.record(user.username(), "PORTAL_INVITATION_ISSUED", AUDIT_TYPE, id, citizen.residenceUnitId(),
                "citizen=" + citizen.id() + " year=" + year + " expires=" + expires
                        + (revoked > 0 ? " revoked older=" + revoked : ""), null);
        return new IssuedInvitation(id, citizen.id(), citizen.fullName(), citizen.residenceName(), year, reference,
                code, expires);
    }

    private List<Long> citizensIn(long unitId) {
        Subtree within = scope.subtreeOf(unitId);
        return jdbc.queryForList("select c.id from citizen_register c join admin_unit u on u.id = c.unit_id "
                + "where " + Subtree.below("u.path", "path") + " order by c.search_name, c.id limit " + (MAX_BATCH + 1),
                Map.of("path", within.path()), Long.class);
    }

    private Subtree subtreeOf(CurrentUser user, long unitId) {
        UnitSummary unit = scope.requireVisible(user, unitId);
        return scope.subtreeOf(unit.id());
    }

    private static void requireYear(int year) {
        if (year < 2000 || year > Year.now().getValue()) {
            throw BusinessRuleException.onField("year", "portal.issue.yearRange", year);
        }
    }

    static InvitationStatus status(String stored, Instant expiresAt) {
        InvitationStatus status = InvitationStatus.valueOf(stored);
        return status == InvitationStatus.OPEN && !Instant.now().isBefore(expiresAt) ? InvitationStatus.EXPIRED
                : status;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
