package vn.khuyenhoc.cdht.criteria;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * The criteria module's public read API. Other modules (assessments, reports, citizens) read target groups and
 * criteria sets here, and score by the version an assessment names. Drafts are invisible here: they may still
 * change, so nothing outside the admin pages may use one.
 */
@Service
@Transactional(readOnly = true)
public class CriteriaCatalog {

    private final CriteriaSetRepository sets;
    private final TargetGroupRepository groups;

    CriteriaCatalog(CriteriaSetRepository sets, TargetGroupRepository groups) {
        this.sets = sets;
        this.groups = groups;
    }

    /** Every target group, in display order. Citizens store the code. */
    public List<TargetGroupOption> targetGroups() {
        return groups.findAllByOrderBySortOrderAscCodeAsc().stream().map(TargetGroup::toOption).toList();
    }

    public Optional<TargetGroupOption> targetGroup(String code) {
        return code == null ? Optional.empty() : groups.findById(code).map(TargetGroup::toOption);
    }

    /**
     * The set in force for a year: among published sets whose years include it, the most recently published (so a
     * newer version takes over from an older one for the years both cover). Empty when none covers the year.
     */
    public Optional<CriteriaSetSummary> inForce(int year) {
        return sets.findPublishedFor(year).stream().findFirst().map(CriteriaSet::toSummary);
    }

    /** Every published set that covers the year, the one in force first: the choices for a new assessment. */
    public List<CriteriaSetSummary> usableFor(int year) {
        return sets.findPublishedFor(year).stream().map(CriteriaSet::toSummary).toList();
    }

    public List<CriteriaSetSummary> published() {
        return sets.findPublished().stream().map(CriteriaSet::toSummary).toList();
    }

    /** The header of a published or retired set. */
    public CriteriaSetSummary get(long criteriaSetId) {
        return load(criteriaSetId).toSummary();
    }

    /** The whole published or retired set, as an immutable value. */
    public CriteriaDefinition definition(long criteriaSetId) {
        return load(criteriaSetId).toDefinition(groupOrder());
    }

    /** The set in force for a year, whole. */
    public Optional<CriteriaDefinition> definitionInForce(int year) {
        return sets.findPublishedFor(year).stream().findFirst().map(s -> s.toDefinition(groupOrder()));
    }

    /** The form a citizen of the target group fills in: each indicator worded for the group. */
    public CriteriaForm form(long criteriaSetId, String targetGroupCode) {
        return formOf(definition(criteriaSetId), targetGroupCode);
    }

    /**
     * Scores by the version the assessment names, whatever its status now (a retired set still scores the
     * assessments made under it).
     *
     * @throws InvalidScoresException when a score is missing, out of bounds or not of this set
     */
    public ScoreResult score(long criteriaSetId, String targetGroupCode, Map<String, Integer> scores,
            Channel channel) {
        return ScoringEngine.score(definition(criteriaSetId), targetGroupCode, scores, channel);
    }

    /**
     * Refuses a set that a new assessment for the year may not use: a set that is not published (drafts and
     * retired sets) or does not cover the year.
     */
    public CriteriaSetSummary requireUsableFor(long criteriaSetId, int year) {
        CriteriaSetSummary set = get(criteriaSetId);
        if (set.status() != CriteriaStatus.PUBLISHED) {
            throw new BusinessRuleException("criteria.use.notPublished", set.label());
        }
        if (!set.appliesTo(year)) {
            throw new BusinessRuleException("criteria.use.wrongYear", set.label(), year, set.yearFrom(),
                    set.yearTo());
        }
        return set;
    }

    CriteriaForm formOf(CriteriaDefinition criteria, String targetGroupCode) {
        if (!criteria.hasTargetGroup(targetGroupCode)) {
            throw new BusinessRuleException("criteria.score.unknownGroup", String.valueOf(targetGroupCode),
                    criteria.label());
        }
        TargetGroupOption group = targetGroup(targetGroupCode)
                .orElseThrow(() -> new NotFoundException("target group " + targetGroupCode));
        return CriteriaForm.of(criteria, group);
    }

    private List<String> groupOrder() {
        return groups.findAllByOrderBySortOrderAscCodeAsc().stream().map(TargetGroup::getCode).toList();
    }

    private CriteriaSet load(long criteriaSetId) {
        CriteriaSet set = sets.findById(criteriaSetId)
                .orElseThrow(() -> new NotFoundException("criteria set " + criteriaSetId));
        if (set.isDraft()) {
            // an unfinished draft is not there for anyone but the admin pages
            throw new NotFoundException("criteria set " + criteriaSetId + " is a draft");
        }
        return set;
    }
}
