package vn.khuyenhoc.cdht.recognition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.area.UnitScope;
import vn.khuyenhoc.cdht.area.Units;
import vn.khuyenhoc.cdht.assessment.AssessmentDecisions;
import vn.khuyenhoc.cdht.assessment.DecisionCandidate;
import vn.khuyenhoc.cdht.audit.AuditLog;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.Constraints;
import vn.khuyenhoc.cdht.shared.CurrentUser;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * The items of a draft decision: the pick page (verified assessments of the commune and year, page by page) and
 * the changes to the selection. Drafts only, for those who may change them ({@link RecognitionDecisions} decides
 * that, and owns the decisions themselves); every change is audited on the decision.
 */
@Service
@Transactional
class DecisionPicks {

    private final RecognitionDecisions service;
    private final RecognitionDecisionRepository decisions;
    private final RecognitionItemRepository items;
    private final AssessmentDecisions assessmentDecisions;
    private final Units units;
    private final UnitScope scope;
    private final AuditLog audit;
    private final CriteriaCatalog catalog;

    DecisionPicks(RecognitionDecisions service, RecognitionDecisionRepository decisions,
            RecognitionItemRepository items, AssessmentDecisions assessmentDecisions, Units units, UnitScope scope,
            AuditLog audit, CriteriaCatalog catalog) {
        this.service = service;
        this.decisions = decisions;
        this.items = items;
        this.assessmentDecisions = assessmentDecisions;
        this.units = units;
        this.scope = scope;
        this.audit = audit;
        this.catalog = catalog;
    }

    /**
     * One page of the pick list: the VERIFIED assessments of the decision's commune and year matching the filter,
     * those that passed or (listed apart) those that failed, each marked when this draft includes it or another
     * decision does. For drafts only, and only for those who may change the draft.
     */
    @Transactional(readOnly = true)
    PickPage pickPage(CurrentUser user, long id, PickFilter filter, int page) {
        RecognitionDecision decision = service.writableDraft(user, id);
        long within = withinUnit(decision, filter);
        Page<DecisionCandidate> candidates = verifiedPage(user, decision, within, filter, Math.max(page, 0));
        if (candidates.getContent().isEmpty() && candidates.getNumber() > 0 && candidates.getTotalElements() > 0) {
            // the selection or the data changed under a page number that no longer exists: show the last page
            candidates = verifiedPage(user, decision, within, filter, candidates.getTotalPages() - 1);
        }
        Map<Long, RecognitionItem> taken = items.findByAssessmentIdIn(candidates.getContent().stream()
                        .map(DecisionCandidate::assessmentId).toList()).stream()
                .collect(Collectors.toMap(RecognitionItem::getAssessmentId, Function.identity()));
        Map<Long, Integer> otherNumbers = new HashMap<>();
        Page<PickCandidate> rows = candidates.map(candidate -> {
            RecognitionItem item = taken.get(candidate.assessmentId());
            boolean mine = item != null && item.getDecisionId() == id;
            Long other = item == null || mine ? null : item.getDecisionId();
            Integer otherNumber = other == null ? null
                    : otherNumbers.computeIfAbsent(other, o -> decisions.findById(o).orElseThrow().getNumber());
            return new PickCandidate(candidate, mine, other, otherNumber);
        });
        long[] counts = assessmentDecisions.verifiedCounts(user, within, decision.getYear(), filter.targetGroup());
        return new PickPage(service.summary(decision), filter, rows, counts[0], counts[1], items.countByDecisionId(id),
                items.countByDecisionIdAndOutcome(id, ItemOutcome.NOT_RECOGNISED),
                units.children(decision.getUnitId(), true), catalog.targetGroups());
    }

    private Page<DecisionCandidate> verifiedPage(CurrentUser user, RecognitionDecision decision, long within,
            PickFilter filter, int page) {
        return assessmentDecisions.verifiedPage(user, within, decision.getYear(), filter.targetGroup(),
                !filter.failures(), PageRequest.of(page, RecognitionDecisions.PICK_PAGE_SIZE));
    }


    /** A new draft starts with those who passed; failures only ever join on purpose, one by one. */
    void preselect(CurrentUser user, RecognitionDecision decision) {
        Selection selection = new Selection(decision);
        selection.selectPassing(user, new PickFilter(null, null, false));
        selection.save(user, "preselected");
    }

    /**
     * Changes the draft's selection as one post of the pick page asks: first the page's own rows (those shown and
     * ticked are included, those shown and not ticked are taken out), then optionally everything matching the
     * filter ({@link PickBulk}). Every included assessment must be VERIFIED in the decision's commune and year and
     * in no other decision; its citizen, verdict and version are copied now, and issuing refuses any that changes
     * after this.
     *
     * @return how many citizens the draft includes afterwards
     */
    long changeSelection(CurrentUser user, long id, PickFilter filter, Collection<Long> shown,
            Collection<Long> ticked, PickBulk bulk, long expectedVersion) {
        RecognitionDecision decision = service.writableDraft(user, id);
        RecognitionDecisions.requireVersion(decision, expectedVersion);
        Selection selection = new Selection(decision);
        selection.applyPage(user, shown == null ? List.of() : shown, ticked == null ? List.of() : ticked);
        switch (bulk == null ? PickBulk.NONE : bulk) {
            case SELECT_PASSING -> selection.selectPassing(user, filter);
            case CLEAR -> selection.clear(user, filter);
            case NONE -> { }
        }
        selection.save(user, bulk == null ? "NONE" : bulk.name());
        return items.countByDecisionId(id);
    }

    /**
     * The changes of one request to a draft's selection, written together: the unique key on the assessment is the
     * backstop against another draft taking one of them at the same moment.
     */
    private final class Selection {

        private final RecognitionDecision decision;
        private final long id;
        private final List<Long> added = new ArrayList<>();
        private final List<Long> removed = new ArrayList<>();
        private int nextPosition;

        Selection(RecognitionDecision decision) {
            this.decision = decision;
            this.id = decision.getId();
            this.nextPosition = items.maxPosition(id) + 1;
        }

        void applyPage(CurrentUser user, Collection<Long> shown, Collection<Long> ticked) {
            Set<Long> chosen = new LinkedHashSet<>(ticked);
            Set<Long> onPage = new LinkedHashSet<>(shown);
            onPage.addAll(chosen);
            if (onPage.isEmpty()) {
                return;
            }
            Map<Long, DecisionCandidate> verified = assessmentDecisions.verifiedAmong(user, decision.getUnitId(),
                    decision.getYear(), onPage).stream()
                    .collect(Collectors.toMap(DecisionCandidate::assessmentId, Function.identity()));
            for (Long assessmentId : chosen) {
                if (!verified.containsKey(assessmentId)) {
                    throw new BusinessRuleException("recognition.pick.unknown", String.valueOf(assessmentId));
                }
            }
            Map<Long, RecognitionItem> existing = items.findByAssessmentIdIn(onPage).stream()
                    .collect(Collectors.toMap(RecognitionItem::getAssessmentId, Function.identity()));
            for (DecisionCandidate candidate : verified.values().stream()
                    .filter(c -> chosen.contains(c.assessmentId())).toList()) {
                RecognitionItem item = existing.get(candidate.assessmentId());
                if (item != null && item.getDecisionId() != id) {
                    RecognitionDecision other = decisions.findById(item.getDecisionId()).orElseThrow();
                    throw new BusinessRuleException("recognition.pick.taken", item.getCitizenName(),
                            service.numberLabel(other.getIssuerKind(), other.getNumber()));
                }
                include(candidate, item);
            }
            List<RecognitionItem> dropped = existing.values().stream()
                    .filter(item -> item.getDecisionId() == id && !chosen.contains(item.getAssessmentId()))
                    .toList();
            remove(dropped);
        }

        void selectPassing(CurrentUser user, PickFilter filter) {
            Set<Long> elsewhere = new HashSet<>(items.assessmentIdsInOtherDecisions(decision.getUnitId(),
                    decision.getYear(), id));
            Map<Long, RecognitionItem> mine = items.findByDecisionIdOrderByPosition(id).stream()
                    .collect(Collectors.toMap(RecognitionItem::getAssessmentId, Function.identity()));
            for (DecisionCandidate candidate : assessmentDecisions.passingCandidates(user,
                    withinUnit(decision, filter), decision.getYear(), filter.targetGroup())) {
                if (!elsewhere.contains(candidate.assessmentId())) {
                    include(candidate, mine.get(candidate.assessmentId()));
                }
            }
        }

        void clear(CurrentUser user, PickFilter filter) {
            List<RecognitionItem> current = items.findByDecisionIdOrderByPosition(id);
            if (!filter.narrowed()) {
                remove(current.stream().filter(i -> (i.getOutcome() == ItemOutcome.NOT_RECOGNISED)
                        == filter.failures()).toList());
                return;
            }
            Set<Long> matching = new HashSet<>(assessmentDecisions.verifiedIds(user, withinUnit(decision, filter),
                    decision.getYear(), filter.targetGroup(), !filter.failures()));
            remove(current.stream().filter(i -> matching.contains(i.getAssessmentId())).toList());
        }

        private void include(DecisionCandidate candidate, RecognitionItem item) {
            if (item == null) {
                items.save(new RecognitionItem(id, candidate, nextPosition++));
                added.add(candidate.assessmentId());
            } else if (item.getAssessmentVersion() != candidate.version()) {
                // picked again: the citizen as printed, the verdict and the version as they are now
                item.refresh(candidate, item.getPosition());
            }
        }

        private void remove(List<RecognitionItem> dropped) {
            if (dropped.isEmpty()) {
                return;
            }
            items.deleteAll(dropped);
            // removed rows go first: the unique assessment key must be free before anything is inserted again
            items.flush();
            dropped.forEach(item -> removed.add(item.getAssessmentId()));
        }

        void save(CurrentUser user, String how) {
            decision.touch(user.username());
            try {
                decisions.saveAndFlush(decision);
                items.flush();
            } catch (DataIntegrityViolationException e) {
                if (!Constraints.uniqueViolation(e)) {
                    throw e;
                }
                // another draft took one of these assessments between our check and our write
                throw new BusinessRuleException("recognition.pick.takenMeanwhile");
            }
            long total = items.countByDecisionId(id);
            long failing = items.countByDecisionIdAndOutcome(id, ItemOutcome.NOT_RECOGNISED);
            audit.record(user.username(), "RECOGNITION_SELECTION_SAVED", RecognitionDecisions.AUDIT_TYPE, id, decision.getUnitId(),
                    how + ": " + total + " assessments (" + (total - failing) + " passed, " + failing + " not); added "
                            + abbreviated(added) + ", removed " + abbreviated(removed), null);
        }
    }

    /** An id list for the audit line, cut after the first hundred. */
    private static String abbreviated(List<Long> ids) {
        return ids.size() <= 100 ? ids.toString()
                : ids.subList(0, 100).toString().replace("]", ", … " + (ids.size() - 100) + " more]");
    }

    /** The filter's hamlet when it lies in the decision's commune (404/403 otherwise), else the commune. */
    private long withinUnit(RecognitionDecision decision, PickFilter filter) {
        if (filter.hamletId() == null) {
            return decision.getUnitId();
        }
        if (!scope.isWithin(filter.hamletId(), decision.getUnitId())) {
            throw new NotFoundException("unit " + filter.hamletId() + " in the commune of decision " + decision.getId());
        }
        return filter.hamletId();
    }
}
