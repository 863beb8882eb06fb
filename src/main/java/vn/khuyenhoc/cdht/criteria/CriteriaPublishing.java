package vn.khuyenhoc.cdht.criteria;

import static vn.khuyenhoc.cdht.criteria.CriteriaAdministration.AUDIT_SET;
import static vn.khuyenhoc.cdht.criteria.CriteriaAdministration.describe;
import static vn.khuyenhoc.cdht.criteria.CriteriaAdministration.groupNames;
import static vn.khuyenhoc.cdht.criteria.CriteriaAdministration.label;
import static vn.khuyenhoc.cdht.criteria.CriteriaAdministration.requireAdmin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/**
 * Putting a criteria set in force and out of it: the publish and retire confirmations, the checks against the sets
 * already in force over the same years (one published set per year, no year scored under two rules), and the
 * changes themselves. Only admins; every change audited and the catalogue's cache evicted in the same transaction.
 */
@Service
@Transactional
class CriteriaPublishing {

    private final CriteriaSetRepository sets;
    private final TargetGroupRepository groups;
    private final AuditLog audit;
    private final ObjectProvider<CriteriaSetUsage> usages;
    private final CriteriaCatalog catalog;

    CriteriaPublishing(CriteriaSetRepository sets, TargetGroupRepository groups, AuditLog audit,
            ObjectProvider<CriteriaSetUsage> usages, CriteriaCatalog catalog) {
        this.sets = sets;
        this.groups = groups;
        this.audit = audit;
        this.usages = usages;
        this.catalog = catalog;
    }

    private CriteriaSet loadDraft(long id) {
        CriteriaSet set = CriteriaAdministration.load(sets, id);
        set.requireDraft();
        return set;
    }

    /**
     * What publishing the draft would do, for the confirmation page; changes nothing. With published sets over the
     * draft's years, the effective year asked for (or, without one, the earliest that can work: after every year
     * those sets already scored) and what it would refuse.
     */
    @Transactional(readOnly = true)
    PublishPreview publishPreview(CurrentUser actor, long id, Integer effectiveYear) {
        requireAdmin(actor);
        CriteriaSet set = loadDraft(id);
        Map<String, String> names = groupNames(groups);
        CriteriaDefinition draft = set.toDefinition(List.copyOf(names.keySet()));
        List<CriteriaSet> overlapping = sets.findPublishedOverlapping(draft.yearFrom(), draft.yearTo());
        Integer year = overlapping.isEmpty() ? null
                : effectiveYear != null ? effectiveYear : proposedEffectiveYear(draft, overlapping);
        List<PublishPreview.Supersession> superseded = new ArrayList<>();
        for (CriteriaSet other : overlapping) {
            CriteriaSetSummary summary = other.toSummary();
            boolean ends = year != null && summary.yearTo() >= year;
            superseded.add(new PublishPreview.Supersession(summary, ends ? year - 1 : summary.yearTo(),
                    ends ? countsByYear(summary.id(), year) : Map.of()));
        }
        CriteriaSet compared = comparedWith(set, overlapping);
        List<PublishCheck.Problem> refusals = new ArrayList<>(PublishCheck.problems(draft, names));
        refusals.addAll(overlapProblems(draft, overlapping, year));
        return new PublishPreview(set.toSummary(), year, superseded,
                compared == null ? null : compared.toSummary(), compared == null ? List.of()
                        : CriteriaDiff.between(compared.toDefinition(List.copyOf(names.keySet())), draft, names),
                refusals);
    }

    /**
     * Publishes a draft that passes every check. The version the admin looked at must still be the stored one, so
     * nobody publishes a change they have not seen. Where published sets cover some of the draft's years, the admin
     * names the year it takes effect: the draft covers that year on, and each of those sets ends the year before;
     * refused without one, or when a set would lose years it has already scored (two rules for one year) or would be
     * left with no year at all. One published set per year, checked here and, on PostgreSQL, by the database.
     */
    void publish(CurrentUser actor, long id, Long expectedVersion, Integer effectiveYear) {
        requireAdmin(actor);
        CriteriaSet set = loadDraft(id);
        if (expectedVersion != null && set.getVersion() != expectedVersion) {
            throw new BusinessRuleException("error.concurrentEdit");
        }
        Map<String, String> names = groupNames(groups);
        CriteriaDefinition draft = set.toDefinition(List.copyOf(names.keySet()));
        List<PublishCheck.Problem> problems = new ArrayList<>(PublishCheck.problems(draft, names));
        List<CriteriaSet> overlapping = sets.lockPublishedOverlapping(draft.yearFrom(), draft.yearTo());
        problems.addAll(overlapProblems(draft, overlapping, effectiveYear));
        if (!problems.isEmpty()) {
            throw new CriteriaSetInvalidException(problems);
        }
        int from = overlapping.isEmpty() ? draft.yearFrom() : effectiveYear;
        for (CriteriaSet other : overlapping) {
            CriteriaSetSummary before = other.toSummary();
            if (before.yearTo() < from) {
                continue;
            }
            other.endBefore(from);
            catalog.evictSet(other.getId());
            audit.record(actor.username(), "CRITERIA_SUPERSEDED", AUDIT_SET, other.getId(), null,
                    label(other) + " years " + before.yearFrom() + "-" + before.yearTo() + " -> " + before.yearFrom()
                            + "-" + (from - 1) + ": " + label(set) + " from " + from, null);
        }
        // the old ranges first: the database's one-set-per-year check runs statement by statement
        sets.flush();
        set.publish(actor.username(), from);
        try {
            sets.flush();
        } catch (DataIntegrityViolationException e) {
            // another admin published over these years at the same moment
            throw new BusinessRuleException("criteria.publish.overlapConcurrent");
        }
        catalog.evictSet(id);
        audit.record(actor.username(), "CRITERIA_PUBLISHED", AUDIT_SET, id, null, describe(set), null);
    }

    /** What retiring the set means, for its confirmation page: its years and the assessments it scored. */
    @Transactional(readOnly = true)
    RetirePreview retirePreview(CurrentUser actor, long id) {
        requireAdmin(actor);
        CriteriaSet set = CriteriaAdministration.load(sets, id);
        if (set.toSummary().status() != CriteriaStatus.PUBLISHED) {
            throw new BusinessRuleException("criteria.set.notPublished");
        }
        return new RetirePreview(set.toSummary(), countsByYear(id, set.toSummary().yearFrom()));
    }

    /** No new assessment may use a retired set; the assessments made under it keep it. */
    void retire(CurrentUser actor, long id, String reason) {
        requireAdmin(actor);
        CriteriaSet set = CriteriaAdministration.load(sets, id);
        set.retire(actor.username());
        catalog.evictSet(id);
        audit.record(actor.username(), "CRITERIA_RETIRED", AUDIT_SET, id, null, label(set),
                reason == null || reason.isBlank() ? null : reason.trim());
    }

    /** Why the draft may not take effect from this year over the published sets that cover its years. */
    private List<PublishCheck.Problem> overlapProblems(CriteriaDefinition draft, List<CriteriaSet> overlapping,
            Integer effectiveYear) {
        if (overlapping.isEmpty()) {
            return List.of();
        }
        if (effectiveYear == null) {
            return overlapping.stream().map(CriteriaSet::toSummary)
                    .map(o -> PublishCheck.Problem.of("criteria.publish.overlap", o.name(),
                            String.valueOf(o.versionNumber()), o.yearFrom() + "–" + o.yearTo(),
                            draft.yearFrom() + "–" + draft.yearTo()))
                    .toList();
        }
        if (effectiveYear < draft.yearFrom() || effectiveYear > draft.yearTo()) {
            return List.of(PublishCheck.Problem.of("criteria.publish.effectiveOutside", String.valueOf(effectiveYear),
                    String.valueOf(draft.yearFrom()), String.valueOf(draft.yearTo())));
        }
        List<PublishCheck.Problem> problems = new ArrayList<>();
        for (CriteriaSet other : overlapping) {
            CriteriaSetSummary summary = other.toSummary();
            if (summary.yearTo() < effectiveYear) {
                continue;
            }
            if (summary.yearFrom() >= effectiveYear) {
                problems.add(PublishCheck.Problem.of("criteria.publish.wouldVanish", summary.name(),
                        String.valueOf(summary.versionNumber()), String.valueOf(summary.yearFrom()),
                        String.valueOf(effectiveYear)));
                continue;
            }
            Map<Integer, Long> scored = countsByYear(summary.id(), effectiveYear);
            if (!scored.isEmpty()) {
                problems.add(PublishCheck.Problem.of("criteria.publish.alreadyScored", summary.name(),
                        String.valueOf(summary.versionNumber()), scored.entrySet().stream()
                                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", ")),
                        String.valueOf(scored.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow() + 1)));
            }
        }
        return problems;
    }

    /** The earliest year the draft can take effect: inside its years, after every year the sets over it scored. */
    private int proposedEffectiveYear(CriteriaDefinition draft, List<CriteriaSet> overlapping) {
        int year = draft.yearFrom();
        for (CriteriaSet other : overlapping) {
            CriteriaSetSummary summary = other.toSummary();
            year = Math.max(year, summary.yearFrom() + 1);
            for (int scored : countsByYear(summary.id(), summary.yearFrom()).keySet()) {
                year = Math.max(year, scored + 1);
            }
        }
        return year;
    }

    /** The set the draft is compared with: the first published set over its years, else the one it was copied from. */
    private CriteriaSet comparedWith(CriteriaSet draft, List<CriteriaSet> overlapping) {
        return !overlapping.isEmpty() ? overlapping.get(overlapping.size() - 1)
                : draft.toSummary().basedOnId() == null ? null
                : sets.findById(draft.toSummary().basedOnId()).orElse(null);
    }

    /** Records of every module naming the set, per year from {@code fromYear} on. */
    private Map<Integer, Long> countsByYear(long id, int fromYear) {
        Map<Integer, Long> counts = new TreeMap<>();
        usages.orderedStream().forEach(usage -> usage.countsByYear(id, fromYear)
                .forEach((year, n) -> counts.merge(year, n, Long::sum)));
        return counts;
    }
}
