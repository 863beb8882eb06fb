package vn.khuyenhoc.cdht.criteria;

import jakarta.persistence.EntityManager;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.Constraints;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * Everything an admin does to criteria sets and target groups except putting a set in force or out of it
 * ({@link CriteriaPublishing}). Only admins; every change audited; every change to a set refused unless it is a draft
 * (the entity checks that too).
 */
@Service
@Transactional
class CriteriaAdministration {

    static final String AUDIT_SET = "CRITERIA_SET";
    static final String AUDIT_GROUP = "TARGET_GROUP";

    private final CriteriaSetRepository sets;
    private final TargetGroupRepository groups;
    private final AuditLog audit;
    private final EntityManager entityManager;
    private final ObjectProvider<CriteriaSetUsage> usages;
    private final CriteriaCatalog catalog;

    CriteriaAdministration(CriteriaSetRepository sets, TargetGroupRepository groups, AuditLog audit,
            EntityManager entityManager, ObjectProvider<CriteriaSetUsage> usages, CriteriaCatalog catalog) {
        this.catalog = catalog;
        this.sets = sets;
        this.groups = groups;
        this.audit = audit;
        this.entityManager = entityManager;
        this.usages = usages;
    }

    // ---- reading ----

    @Transactional(readOnly = true)
    List<CriteriaSetSummary> list(CurrentUser actor) {
        requireAdmin(actor);
        return sets.findAllForList().stream().map(CriteriaSet::toSummary).toList();
    }

    /** A set of any status with what its pages need: the problems that stop publishing, the group names. */
    @Transactional(readOnly = true)
    SetView view(CurrentUser actor, long id) {
        requireAdmin(actor);
        CriteriaSet set = load(id);
        Map<String, String> names = groupNames();
        CriteriaDefinition definition = set.toDefinition(List.copyOf(names.keySet()));
        List<PublishCheck.Problem> problems = set.isDraft() ? PublishCheck.problems(definition, names) : List.of();
        CriteriaSetSummary basedOn = set.toSummary().basedOnId() == null ? null
                : sets.findById(set.toSummary().basedOnId()).map(CriteriaSet::toSummary).orElse(null);
        List<TargetGroupOption> allGroups = targetGroups();
        return new SetView(set.toSummary(), definition, problems, names, allGroups, basedOn);
    }

    @Transactional(readOnly = true)
    List<TargetGroupOption> targetGroups(CurrentUser actor) {
        requireAdmin(actor);
        return targetGroups();
    }

    /** Scores a set of any status, drafts included: the admin tries rules out before publishing them. */
    @Transactional(readOnly = true)
    ScoreResult tryScore(CurrentUser actor, long id, String targetGroupCode, Map<String, Integer> scores,
            Channel channel) {
        requireAdmin(actor);
        return ScoringEngine.score(load(id).toDefinition(List.copyOf(groupNames().keySet())), targetGroupCode,
                scores, channel);
    }

    // ---- the life of a set ----

    /** A new empty draft; with a code that exists already, the draft is that code's next version. */
    long createDraft(CurrentUser actor, CriteriaSetForm form) {
        requireAdmin(actor);
        String code = form.getCode().trim();
        sets.lockVersions(code);
        // the next number before the draft check: a draft committed between the two then either shows in the
        // check or takes this number first, and the unique key refuses ours (persistNewVersion)
        int versionNumber = sets.maxVersionNumber(code) + 1;
        requireNoOpenDraft(code, "code");
        CriteriaSet set = new CriteriaSet(code, versionNumber, form.getName(),
                form.getLegalBasis(), form.getYearFrom(), form.getYearTo(), form.getTotalPoints(), null);
        set.applyRules(form.rules().withDigitalIndicatorCode(null));
        groups.findAllByOrderBySortOrderAscCodeAsc().forEach(g -> set.getTargetGroupCodes().add(g.getCode()));
        persistNewVersion(set);
        audit.record(actor.username(), "CRITERIA_CREATED", AUDIT_SET, set.getId(), null, describe(set), null);
        return set.getId();
    }

    void update(CurrentUser actor, long id, CriteriaSetForm form) {
        requireAdmin(actor);
        CriteriaSet set = loadDraft(id);
        if (set.getVersion() != form.getVersion()) {
            throw new BusinessRuleException("error.concurrentEdit");
        }
        String before = describe(set);
        set.describe(form.getName(), form.getLegalBasis(), form.getYearFrom(), form.getYearTo(),
                form.getTotalPoints());
        set.applyRules(form.rules());
        audit.record(actor.username(), "CRITERIA_UPDATED", AUDIT_SET, id, null, before + " -> " + describe(set),
                null);
    }

    /** A new draft version with everything of a published (or retired) set. */
    long copy(CurrentUser actor, long sourceId) {
        requireAdmin(actor);
        CriteriaSet source = load(sourceId);
        if (source.isDraft()) {
            throw new BusinessRuleException("criteria.copy.draft");
        }
        sets.lockVersions(source.getCode());
        int versionNumber = sets.maxVersionNumber(source.getCode()) + 1;
        requireNoOpenDraft(source.getCode(), null);
        CriteriaSet copy = source.copyAsDraft(versionNumber);
        persistNewVersion(copy);
        audit.record(actor.username(), "CRITERIA_COPIED", AUDIT_SET, copy.getId(), null,
                label(copy) + " from " + label(source) + " (#" + sourceId + ")", null);
        return copy.getId();
    }

    /**
     * Deletes a draft entered by mistake. A published or retired set is never deleted; nor is a set any assessment
     * names, whether a {@link CriteriaSetUsage} says so or the database's foreign key does.
     */
    void delete(CurrentUser actor, long id) {
        requireAdmin(actor);
        CriteriaSet set = load(id);
        if (!set.isDraft()) {
            throw new BusinessRuleException("criteria.delete.notDraft");
        }
        String label = label(set);
        Object title = set.toSummary().title();
        catalog.evictSet(id);
        if (usages.orderedStream().anyMatch(usage -> usage.uses(id))) {
            throw new BusinessRuleException("criteria.delete.inUse", title);
        }
        try {
            // children first: an indicator refers to its competency, and the cascade order would not respect it
            set.getIndicators().clear();
            sets.flush();
            set.getCompetencies().clear();
            sets.flush();
            sets.delete(set);
            sets.flush();
        } catch (DataIntegrityViolationException e) {
            if (!Constraints.foreignKeyViolation(e)) {
                throw e; // not "still in use": the error page
            }
            throw new BusinessRuleException("criteria.delete.inUse", title);
        }
        audit.record(actor.username(), "CRITERIA_DELETED", AUDIT_SET, id, null, label, null);
    }

    // ---- target groups of a set ----

    void addTargetGroup(CurrentUser actor, long id, String groupCode) {
        requireAdmin(actor);
        CriteriaSet set = loadDraft(id);
        TargetGroup group = groups.findById(groupCode == null ? "" : groupCode)
                .orElseThrow(() -> new BusinessRuleException("criteria.group.unknown", groupCode));
        set.addTargetGroup(group.getCode());
        audit.record(actor.username(), "CRITERIA_GROUP_ADDED", AUDIT_SET, id, null,
                label(set) + " + " + group.getCode(), null);
    }

    void removeTargetGroup(CurrentUser actor, long id, String groupCode) {
        requireAdmin(actor);
        CriteriaSet set = loadDraft(id);
        set.removeTargetGroup(groupCode);
        audit.record(actor.username(), "CRITERIA_GROUP_REMOVED", AUDIT_SET, id, null,
                label(set) + " - " + groupCode, null);
    }

    // ---- competencies ----

    long addCompetency(CurrentUser actor, long id, CompetencyForm form) {
        requireAdmin(actor);
        CriteriaSet set = loadDraft(id);
        Competency competency = set.addCompetency(form.getCode().trim(), form.getName().trim(), form.getMinPoints());
        entityManager.persist(competency);
        audit.record(actor.username(), "CRITERIA_COMPETENCY_ADDED", AUDIT_SET, id, null,
                label(set) + " competency " + competency.getCode() + " '" + competency.getName() + "' min="
                        + competency.getMinPoints(), null);
        return competency.getId();
    }

    void changeCompetency(CurrentUser actor, long id, long competencyId, CompetencyForm form) {
        requireAdmin(actor);
        CriteriaSet set = loadDraft(id);
        set.changeCompetency(competencyId, form.getCode().trim(), form.getName().trim(), form.getMinPoints());
        audit.record(actor.username(), "CRITERIA_COMPETENCY_CHANGED", AUDIT_SET, id, null,
                label(set) + " competency #" + competencyId + " -> " + form.getCode() + " '" + form.getName()
                        + "' min=" + form.getMinPoints(), null);
    }

    void removeCompetency(CurrentUser actor, long id, long competencyId) {
        requireAdmin(actor);
        CriteriaSet set = loadDraft(id);
        String code = set.competency(competencyId).getCode();
        set.removeCompetency(competencyId);
        audit.record(actor.username(), "CRITERIA_COMPETENCY_REMOVED", AUDIT_SET, id, null,
                label(set) + " competency " + code, null);
    }

    void moveCompetency(CurrentUser actor, long id, long competencyId, int direction) {
        requireAdmin(actor);
        CriteriaSet set = loadDraft(id);
        set.moveCompetency(competencyId, direction);
        audit.record(actor.username(), "CRITERIA_REORDERED", AUDIT_SET, id, null,
                label(set) + " competency #" + competencyId + (direction < 0 ? " up" : " down"), null);
    }

    // ---- indicators ----

    long addIndicator(CurrentUser actor, long id, IndicatorForm form) {
        requireAdmin(actor);
        CriteriaSet set = loadDraft(id);
        Indicator indicator = set.addIndicator(form.getCompetencyId(), form.getCode().trim(), form.getName().trim(),
                form.getMinPoints(), form.getMaxPoints(), form.getMandatoryMin());
        entityManager.persist(indicator);
        word(set, indicator.getId(), form);
        audit.record(actor.username(), "CRITERIA_INDICATOR_ADDED", AUDIT_SET, id, null,
                label(set) + " indicator " + describe(indicator), null);
        return indicator.getId();
    }

    void changeIndicator(CurrentUser actor, long id, long indicatorId, IndicatorForm form) {
        requireAdmin(actor);
        CriteriaSet set = loadDraft(id);
        String before = describe(set.indicator(indicatorId));
        set.changeIndicator(indicatorId, form.getCompetencyId(), form.getCode().trim(), form.getName().trim(),
                form.getMinPoints(), form.getMaxPoints(), form.getMandatoryMin());
        word(set, indicatorId, form);
        audit.record(actor.username(), "CRITERIA_INDICATOR_CHANGED", AUDIT_SET, id, null,
                label(set) + " indicator " + before + " -> " + describe(set.indicator(indicatorId)), null);
    }

    void removeIndicator(CurrentUser actor, long id, long indicatorId) {
        requireAdmin(actor);
        CriteriaSet set = loadDraft(id);
        String description = describe(set.indicator(indicatorId));
        set.removeIndicator(indicatorId);
        audit.record(actor.username(), "CRITERIA_INDICATOR_REMOVED", AUDIT_SET, id, null,
                label(set) + " indicator " + description, null);
    }

    void moveIndicator(CurrentUser actor, long id, long indicatorId, int direction) {
        requireAdmin(actor);
        CriteriaSet set = loadDraft(id);
        set.moveIndicator(indicatorId, direction);
        audit.record(actor.username(), "CRITERIA_REORDERED", AUDIT_SET, id, null,
                label(set) + " indicator #" + indicatorId + (direction < 0 ? " up" : " down"), null);
    }

    // ---- the target group catalogue ----

    void createTargetGroup(CurrentUser actor, TargetGroupForm form) {
        requireAdmin(actor);
        String code = form.getCode().trim();
        if (groups.existsById(code)) {
            throw BusinessRuleException.onField("code", "criteria.group.codeTaken", code);
        }
        TargetGroup group = new TargetGroup(code, form.getName(), groups.maxSortOrder() + 10);
        entityManager.persist(group);
        catalog.evictGroups();
        audit.record(actor.username(), "TARGET_GROUP_CREATED", AUDIT_GROUP, null, null,
                code + " '" + group.getName() + "'", null);
    }

    /** Renames a group everywhere it is shown; its code, which citizens store, stays. */
    void renameTargetGroup(CurrentUser actor, String code, String newName) {
        requireAdmin(actor);
        TargetGroup group = groups.findById(code).orElseThrow(() -> new NotFoundException("target group " + code));
        if (newName == null || newName.isBlank() || newName.trim().length() > TargetGroup.NAME_LENGTH) {
            throw BusinessRuleException.onField("name", "criteria.group.nameRequired");
        }
        String before = group.getName();
        group.rename(newName);
        catalog.evictGroups();
        audit.record(actor.username(), "TARGET_GROUP_RENAMED", AUDIT_GROUP, null, null,
                code + " '" + before + "' -> '" + group.getName() + "'", null);
    }

    // ---- helpers ----

    private void word(CriteriaSet set, long indicatorId, IndicatorForm form) {
        for (IndicatorForm.WordingEntry entry : form.getWordings()) {
            if (set.getTargetGroupCodes().contains(entry.getGroupCode())) {
                set.wordIndicator(indicatorId, entry.getGroupCode(), entry.getWording(), entry.getEvidenceHint());
            }
        }
    }

    /**
     * A brand-new code has no row to lock, so two admins creating it at once both get here; the unique key on
     * (code, version) lets one through and the other is told, instead of a 500 at commit.
     */
    private void persistNewVersion(CriteriaSet set) {
        try {
            entityManager.persist(set);
            entityManager.flush();
        } catch (ConstraintViolationException e) {
            throw new BusinessRuleException("criteria.createdConcurrently", set.getCode());
        }
    }

    private void requireNoOpenDraft(String code, String field) {
        sets.findFirstByCodeAndStatus(code, CriteriaStatus.DRAFT).ifPresent(draft -> {
            throw field == null
                    ? new BusinessRuleException("criteria.draftExists", draft.toSummary().title())
                    : BusinessRuleException.onField(field, "criteria.draftExists", draft.toSummary().title());
        });
    }

    private List<TargetGroupOption> targetGroups() {
        return groups.findAllByOrderBySortOrderAscCodeAsc().stream().map(TargetGroup::toOption).toList();
    }

    private Map<String, String> groupNames() {
        return groupNames(groups);
    }

    /** The catalogue's group names by code, in the catalogue's order. */
    static Map<String, String> groupNames(TargetGroupRepository groups) {
        Map<String, String> names = new LinkedHashMap<>();
        groups.findAllByOrderBySortOrderAscCodeAsc().forEach(g -> names.put(g.getCode(), g.getName()));
        return names;
    }

    private CriteriaSet load(long id) {
        return load(sets, id);
    }

    private CriteriaSet loadDraft(long id) {
        CriteriaSet set = load(id);
        set.requireDraft();
        return set;
    }

    static CriteriaSet load(CriteriaSetRepository sets, long id) {
        return sets.findById(id).orElseThrow(() -> new NotFoundException("criteria set " + id));
    }

    /** 403 unless the role maintains criteria (every page and write of this module asks). */
    static void requireAdmin(CurrentUser actor) {
        CriteriaPolicy.MAINTAIN.require(actor);
    }

    static String label(CriteriaSet set) {
        return set.getCode() + " v" + set.getVersionNumber();
    }

    static String describe(CriteriaSet set) {
        ScoringRules rules = set.rules();
        CriteriaSetSummary summary = set.toSummary();
        return label(set) + " " + summary.status() + " '" + summary.name() + "' years=" + summary.yearFrom() + "-"
                + summary.yearTo() + " total=" + summary.totalPoints() + " rules=" + rules;
    }

    private static String describe(Indicator indicator) {
        return indicator.getCode() + " '" + indicator.getName() + "' " + indicator.getMinPoints() + ".."
                + indicator.getMaxPoints() + " mandatoryMin=" + indicator.getMandatoryMin();
    }

    /** A set with what its pages show beside it. */
    record SetView(CriteriaSetSummary summary, CriteriaDefinition definition, List<PublishCheck.Problem> problems,
            Map<String, String> groupNames, List<TargetGroupOption> allGroups, CriteriaSetSummary basedOn) {

        public String groupName(String code) {
            return groupNames.getOrDefault(code, code);
        }

        /** Catalogue groups the set has no form for yet. */
        public List<TargetGroupOption> addableGroups() {
            return allGroups.stream().filter(g -> !definition.hasTargetGroup(g.code())).toList();
        }

        public long wordedGroups(IndicatorDefinition indicator) {
            return definition.targetGroupCodes().stream().filter(g -> indicator.wordingFor(g).isPresent()).count();
        }
    }
}
