package vn.khuyenhoc.cdht.recognition;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.assessment.AssessmentConflictException;
import vn.khuyenhoc.cdht.assessment.AssessmentDecisions;
import vn.khuyenhoc.cdht.assessment.WorkflowAction;
import vn.khuyenhoc.cdht.assessment.Decision;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.area.Subtree;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.community.UnitLevels;
import vn.khuyenhoc.cdht.area.UnitOption;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.Constraints;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.Dates;
import vn.khuyenhoc.cdht.shared.NotFoundException;
import vn.khuyenhoc.cdht.shared.OutOfScopeException;

/**
 * Recognition decisions of a commune: draft (header, then the pick of verified assessments), issue, revoke.
 * Everyone reads inside their subtree; admins and commune officers decide in theirs (verifiers, province officers
 * and viewers only read). Issuing applies the decision to every included assessment through the assessment
 * module in this one transaction: one refusal (a stale version, a changed state) and nothing is issued or changed.
 * An issued decision never changes again; only its recognitions can be revoked, one by one, with a reason.
 * Every change is audited as entity type {@value #AUDIT_TYPE}.
 */
@Service
@Transactional
class RecognitionDecisions {

    static final String AUDIT_TYPE = "RECOGNITION_DECISION";
    static final int FIRST_YEAR = 2000;
    static final int REASON_MAX = 1000;
    static final int ISSUER_MAX = 200;
    static final int PLACE_MAX = 100;
    static final int SIGNER_MAX = 100;
    static final int PICK_PAGE_SIZE = 50;

    private final RecognitionDecisionRepository decisions;
    private final RecognitionItemRepository items;
    private final AssessmentDecisions assessmentDecisions;
    private final RecognitionSettings settings;
    private final UnitScope scope;
    private final Units units;
    private final AuditLog audit;
    private final MessageSource messages;
    private final NamedParameterJdbcTemplate jdbc;
    /** The items of a draft; a provider because DecisionPicks asks this service who may change a draft. */
    private final ObjectProvider<DecisionPicks> picks;

    RecognitionDecisions(RecognitionDecisionRepository decisions, RecognitionItemRepository items,
            AssessmentDecisions assessmentDecisions, RecognitionSettings settings, UnitScope scope,
            Units units, AuditLog audit, MessageSource messages, NamedParameterJdbcTemplate jdbc,
            ObjectProvider<DecisionPicks> picks) {
        this.picks = picks;
        this.decisions = decisions;
        this.items = items;
        this.assessmentDecisions = assessmentDecisions;
        this.settings = settings;
        this.scope = scope;
        this.units = units;
        this.audit = audit;
        this.messages = messages;
        this.jdbc = jdbc;
    }

    // ---- reading ----

    @Transactional(readOnly = true)
    boolean isEmpty() {
        return decisions.count() == 0;
    }

    /** Whether the role decides at all (the roles that recognise an assessment); where is the unit's business. */
    boolean mayDecide(CurrentUser user) {
        return WorkflowAction.RECOGNISE.allowedFor(user.role());
    }

    /** Decisions of the year in the user's subtree, optionally inside one unit's, by commune and number. */
    @Transactional(readOnly = true)
    Page<DecisionRow> list(CurrentUser user, int year, Long withinUnitId, Pageable pageable) {
        Map<String, Object> params = new HashMap<>(Map.of("scopePath", scope.subtree(user).path(), "year", year));
        StringBuilder where = new StringBuilder("from recognition_decision d join admin_unit u on u.id = d.unit_id"
                + " where d.decision_year = :year and " + Subtree.below("u.path", "scopePath"));
        if (withinUnitId != null) {
            where.append(" and ").append(Subtree.below("u.path", "unitPath"));
            params.put("unitPath", scope.subtreeOf(withinUnitId).path());
        }
        long total = jdbc.queryForObject("select count(*) " + where, params, Long.class);
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        List<DecisionRow> rows = jdbc.query("""
                select d.id, u.name as unit_name, d.decision_year, d.number, d.issued_on, d.issuer_kind,
                       d.issuer_name, d.status,
                       (select count(*) from recognition_item i
                        where i.decision_id = d.id and i.outcome = 'RECOGNISED') as recognised,
                       (select count(*) from recognition_item i
                        where i.decision_id = d.id and i.outcome = 'NOT_RECOGNISED') as not_recognised,
                       (select count(*) from recognition_item i
                        where i.decision_id = d.id and i.revoked_at is not null) as revoked
                """ + where + " order by u.name, d.issuer_kind, d.number, d.id limit :limit offset :offset",
                params, (rs, i) -> new DecisionRow(rs.getLong("id"), rs.getString("unit_name"),
                        rs.getInt("decision_year"), rs.getInt("number"), rs.getObject("issued_on", LocalDate.class),
                        IssuerKind.valueOf(rs.getString("issuer_kind")), rs.getString("issuer_name"),
                        DecisionStatus.valueOf(rs.getString("status")), rs.getLong("recognised"),
                        rs.getLong("not_recognised"), rs.getLong("revoked")));
        return new PageImpl<>(rows, pageable, total);
    }

    /** The decision if the user may see it: 404 when unknown, 403 outside the user's subtree. */
    @Transactional(readOnly = true)
    DecisionSummary get(CurrentUser user, long id) {
        RecognitionDecision decision = load(id);
        scope.requireVisible(user, decision.getUnitId());
        return summary(decision);
    }

    /** The decision with its citizens; for a draft also which of them changed since they were picked. */
    @Transactional(readOnly = true)
    DecisionDetail detail(CurrentUser user, long id) {
        RecognitionDecision decision = load(id);
        scope.requireVisible(user, decision.getUnitId());
        List<RecognitionItem> included = items.findByDecisionIdOrderByPosition(id);
        Set<Long> stale = new HashSet<>();
        if (decision.isDraft() && !included.isEmpty()) {
            // a draft's positions are numbered at issue: until then it lists in the order issuing will number
            included = included.stream().sorted(RecognitionItem.LIST_ORDER).toList();
            Map<Long, Long> current = assessmentDecisions.verifiedVersions(user, decision.getUnitId(),
                    decision.getYear(), included.stream().map(RecognitionItem::getAssessmentId).toList());
            for (RecognitionItem item : included) {
                Long now = current.get(item.getAssessmentId());
                if (now == null || now != item.getAssessmentVersion()) {
                    stale.add(item.getAssessmentId());
                }
            }
        }
        return new DecisionDetail(summary(decision), included.stream().map(RecognitionItem::toView).toList(), stale,
                mayDecide(user) && scope.canWrite(user, decision.getUnitId()));
    }

    /** How many citizens the draft includes now. */
    @Transactional(readOnly = true)
    long selectedCount(CurrentUser user, long id) {
        RecognitionDecision decision = load(id);
        scope.requireVisible(user, decision.getUnitId());
        return items.countByDecisionId(id);
    }

    /** What a new draft of this commune and year starts from: the province's setting and the next number. */
    @Transactional(readOnly = true)
    DecisionDraft proposal(CurrentUser user, UnitSummary commune, int year) {
        requireDecider(user, commune.id());
        SettingView setting = settings.forCommune(commune.id());
        IssuerKind kind = setting.issuerKind();
        String communeName = lowerFirst(commune.name());
        return new DecisionDraft(decisions.maxNumber(commune.id(), kind, year) + 1, LocalDate.now(), kind,
                text("recognition.default.issuerName." + kind.name(), communeName), placeName(commune.name()),
                "", setting.signerTitle(), setting.legalBasis(), superiorName(commune, kind));
    }

    /** The communes in the user's subtree a decision may be drafted for (a form's list). */
    @Transactional(readOnly = true)
    List<UnitOption> communes(CurrentUser user) {
        return scope.unitOptions(user, Set.of(UnitLevels.COMMUNE));
    }

    /** A commune named by code in the user's subtree, current: the unit a new draft is for. */
    @Transactional(readOnly = true)
    UnitSummary commune(CurrentUser user, String code) {
        return scope.attachableUnit(user, code, Set.of(UnitLevels.COMMUNE), "unitCode");
    }

    // ---- drafting ----

    /** Drafts a decision for a commune and year; its citizens are picked next. */
    long create(CurrentUser user, String communeCode, Integer year, DecisionDraft draft) {
        requireDeciderRole(user);
        UnitSummary commune = commune(user, communeCode);
        requireDecider(user, commune.id());
        int checkedYear = DecisionDraft.requireYear(year);
        DecisionDraft checked = draft.checked(checkedYear);
        if (decisions.existsByUnitIdAndIssuerKindAndYearAndNumber(commune.id(), checked.issuerKind(), checkedYear,
                checked.number())) {
            throw numberTaken(checked, checkedYear);
        }
        RecognitionDecision decision = new RecognitionDecision(commune.id(), checkedYear, checked, user.username());
        save(decision, checked);
        audit.record(user.username(), "RECOGNITION_DRAFTED", AUDIT_TYPE, decision.getId(), commune.id(),
                commune.name() + " " + checkedYear + ": " + decision.describe(), null);
        picks.getObject().preselect(user, decision);
        return decision.getId();
    }

    /** Changes a draft's header (commune and year stay); a stale form is refused. */
    void update(CurrentUser user, long id, DecisionDraft draft, long expectedVersion) {
        RecognitionDecision decision = writableDraft(user, id);
        requireVersion(decision, expectedVersion);
        DecisionDraft checked = draft.checked(decision.getYear());
        if (decisions.existsByUnitIdAndIssuerKindAndYearAndNumberAndIdNot(decision.getUnitId(),
                checked.issuerKind(), decision.getYear(), checked.number(), id)) {
            throw numberTaken(checked, decision.getYear());
        }
        String before = decision.describe();
        decision.change(checked, user.username());
        save(decision, checked);
        audit.record(user.username(), "RECOGNITION_DRAFT_UPDATED", AUDIT_TYPE, id, decision.getUnitId(),
                before + " -> " + decision.describe(), null);
    }

    /** Deletes a draft and its selection; the assessments stay VERIFIED, free for another decision. */
    void delete(CurrentUser user, long id, long expectedVersion) {
        RecognitionDecision decision = writableDraft(user, id);
        requireVersion(decision, expectedVersion);
        List<RecognitionItem> included = items.findByDecisionIdOrderByPosition(id);
        String details = decision.describe() + "; " + included.size() + " assessments "
                + included.stream().map(RecognitionItem::getAssessmentId).toList();
        items.deleteAll(included);
        items.flush();
        decisions.delete(decision);
        decisions.flush();
        audit.record(user.username(), "RECOGNITION_DRAFT_DELETED", AUDIT_TYPE, id, decision.getUnitId(), details,
                null);
    }


    // ---- issuing and revoking ----

    /**
     * Issues the draft: every included assessment that passed becomes RECOGNISED, every other one NOT_RECOGNISED,
     * through the assessment module with the version it had when picked. All in this transaction: if any one is
     * refused (changed since, or no longer VERIFIED) the whole issue is, and nothing has changed.
     *
     * @return how many citizens were recognised
     */
    int issue(CurrentUser user, long id, long expectedVersion) {
        RecognitionDecision decision = writableDraft(user, id);
        requireVersion(decision, expectedVersion);
        List<RecognitionItem> included = items.findByDecisionIdOrderByPosition(id);
        if (included.isEmpty()) {
            throw new BusinessRuleException("recognition.issue.empty");
        }
        if (decision.getIssuedOn().isAfter(LocalDate.now())) {
            throw new BusinessRuleException("recognition.issue.futureDate", Dates.format(decision.getIssuedOn()));
        }
        String reference = reference(decision);
        // the list as printed and the certificates' register numbers follow hamlet and name
        included = included.stream().sorted(RecognitionItem.LIST_ORDER).toList();
        for (int i = 0; i < included.size(); i++) {
            included.get(i).renumber(i + 1);
        }
        int recognised = 0;
        for (RecognitionItem item : included) {
            boolean passed = item.getOutcome() == ItemOutcome.RECOGNISED;
            try {
                long newVersion = assessmentDecisions.applyDecision(user, item.getAssessmentId(),
                        passed ? Decision.RECOGNISE : Decision.NOT_RECOGNISE, null, reference,
                        item.getAssessmentVersion());
                item.decided(newVersion);
            } catch (AssessmentConflictException e) {
                // the transaction is already marked for rollback: the assessments decided so far revert too
                throw new BusinessRuleException("recognition.issue.stale", item.getCitizenName());
            } catch (BusinessRuleException e) {
                throw new BusinessRuleException("recognition.issue.refused", item.getCitizenName(),
                        new DefaultMessageSourceResolvable(new String[] {e.messageKey()}, e.arguments()));
            }
            recognised += passed ? 1 : 0;
        }
        decision.issue(user.username());
        decisions.saveAndFlush(decision);
        audit.record(user.username(), "RECOGNITION_ISSUED", AUDIT_TYPE, id, decision.getUnitId(),
                reference + ": " + recognised + " recognised, " + (included.size() - recognised)
                        + " not recognised; assessments "
                        + included.stream().map(RecognitionItem::getAssessmentId).toList(), null);
        return recognised;
    }

    /**
     * Revokes one recognition of an issued decision with a reason: the assessment becomes NOT_RECOGNISED, the
     * item keeps who revoked it, when and why. The decision itself stays as issued.
     */
    void revoke(CurrentUser user, long id, long itemId, String reason) {
        RecognitionDecision decision = load(id);
        requireDecider(user, decision.getUnitId());
        RecognitionItem item = items.findByIdAndDecisionId(itemId, id)
                .orElseThrow(() -> new NotFoundException("recognition item " + itemId + " of decision " + id));
        if (decision.isDraft()) {
            throw new BusinessRuleException("recognition.revoke.notIssued");
        }
        if (item.getOutcome() != ItemOutcome.RECOGNISED) {
            throw new BusinessRuleException("recognition.revoke.notRecognised", item.getCitizenName());
        }
        if (item.isRevoked()) {
            throw new BusinessRuleException("recognition.revoke.already", item.getCitizenName());
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw BusinessRuleException.onField("reason", "recognition.revoke.reasonRequired");
        }
        if (why.length() > REASON_MAX) {
            throw BusinessRuleException.onField("reason", "recognition.field.tooLong", REASON_MAX);
        }
        long newVersion;
        try {
            newVersion = assessmentDecisions.applyDecision(user, item.getAssessmentId(), Decision.REVOKE, why,
                    reference(decision), item.getAssessmentVersion());
        } catch (AssessmentConflictException e) {
            throw new BusinessRuleException("recognition.revoke.stale", item.getCitizenName());
        }
        item.revoke(user.username(), why, newVersion);
        items.saveAndFlush(item);
        audit.record(user.username(), "RECOGNITION_REVOKED", AUDIT_TYPE, id, decision.getUnitId(),
                "item " + itemId + " assessment " + item.getAssessmentId() + " '" + item.getCitizenName() + "' of "
                        + reference(decision), why);
    }

    /** The decision's number and date as the audit trail and the assessment history name it. */
    String reference(RecognitionDecision decision) {
        return numberLabel(decision.getIssuerKind(), decision.getNumber()) + " "
                + text("recognition.reference.date", Dates.format(decision.getIssuedOn()));
    }

    // ---- helpers ----

    /** A decision's page for a change: 404/403 as for reading it, and 403 unless the user may decide there. */
    DecisionDetail detailToDecide(CurrentUser user, long id) {
        DecisionDetail detail = detail(user, id);
        if (detail.mayDecide()) {
            return detail;
        }
        throw new OutOfScopeException(user.username() + " may not change or revoke decision " + id);
    }

    /** 403 for a role that does not decide recognitions (verifiers, province officers, viewers). */
    void requireDeciderRole(CurrentUser user) {
        if (!mayDecide(user)) {
            throw new OutOfScopeException(user.username() + " (" + user.role() + ") does not decide recognitions");
        }
    }

    /** 404 for an unknown unit, 403 outside the subtree or for a role that does not decide. */
    private void requireDecider(CurrentUser user, long unitId) {
        scope.requireWritable(user, unitId);
        requireDeciderRole(user);
    }

    RecognitionDecision writableDraft(CurrentUser user, long id) {
        RecognitionDecision decision = load(id);
        requireDecider(user, decision.getUnitId());
        if (!decision.isDraft()) {
            throw new BusinessRuleException("recognition.decision.issued");
        }
        return decision;
    }

    static void requireVersion(RecognitionDecision decision, long expectedVersion) {
        if (decision.getVersion() != expectedVersion) {
            throw new BusinessRuleException("error.concurrentEdit");
        }
    }

    private BusinessRuleException numberTaken(DecisionDraft draft, int year) {
        return BusinessRuleException.onField("number", "recognition.number.taken",
                numberLabel(draft.issuerKind(), draft.number()), String.valueOf(year));
    }

    private void save(RecognitionDecision decision, DecisionDraft draft) {
        try {
            decisions.saveAndFlush(decision);
        } catch (DataIntegrityViolationException e) {
            if (!Constraints.uniqueViolation(e)) {
                throw e;
            }
            // the unique key caught the same number saved by someone else at the same moment
            throw numberTaken(draft, decision.getYear());
        }
    }

    String numberLabel(IssuerKind kind, int number) {
        return text("recognition.number." + kind.name(), number);
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, RecognitionSettings.VIETNAMESE);
    }

    RecognitionDecision load(long id) {
        return decisions.findById(id).orElseThrow(() -> new NotFoundException("recognition decision " + id));
    }

    DecisionSummary summary(RecognitionDecision d) {
        UnitSummary unit = units.get(d.getUnitId());
        return new DecisionSummary(d.getId(), unit.id(), unit.code(), unit.name(), d.getYear(), d.getNumber(),
                d.getIssuedOn(), d.getIssuerKind(), d.getIssuerName(), d.getSuperiorName(), d.getPlaceName(),
                d.getSignerName(),
                d.getSignerTitle(), d.getLegalBasis(), d.getStatus(), d.getCreatedBy(), d.getCreatedAt(),
                d.getIssuedBy(), d.getIssuedAt(), d.getVersion());
    }

    /** "Xã Vĩnh Linh" → "xã Vĩnh Linh", as the name reads inside a sentence ("Hội Khuyến học xã Vĩnh Linh"). */
    private static String lowerFirst(String name) {
        return name.isEmpty() ? name
                : name.substring(0, 1).toLowerCase(RecognitionSettings.VIETNAMESE) + name.substring(1);
    }

    /**
     * The body directly above the issuer, from the unit tree: for a commune HKH the association of the commune's
     * parent unit ("Hội Khuyến học tỉnh Quảng Trị"); a commune People's Committee prints no such line (Decree
     * 30/2020 names a superior body only for bodies that have one). Empty when the commune has no parent.
     */
    private String superiorName(UnitSummary commune, IssuerKind kind) {
        if (commune.parentId() == null) {
            return "";
        }
        String template = text("recognition.default.superiorName." + kind.name(),
                lowerFirst(units.get(commune.parentId()).name()));
        // "-" in the bundle: this kind of issuer prints no superior body
        return template.isBlank() || "-".equals(template.strip()) ? "" : template.strip();
    }

    /** The place of the date line: the commune's name without its level word ("Xã Vĩnh Linh" → "Vĩnh Linh"). */
    private String placeName(String communeName) {
        for (String prefix : text("recognition.default.placePrefixes").split("\\|")) {
            if (!prefix.isBlank() && communeName.startsWith(prefix.strip() + " ")) {
                return communeName.substring(prefix.strip().length()).strip();
            }
        }
        return communeName;
    }
}
