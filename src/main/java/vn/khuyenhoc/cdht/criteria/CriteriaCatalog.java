package vn.khuyenhoc.cdht.criteria;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;
import vn.khuyenhoc.cdht.shared.NotFoundException;

/**
 * The criteria module's public read API. Other modules (assessments, reports, citizens) read target groups and
 * criteria sets here, and score by the version an assessment names. Drafts are invisible here: they may still
 * change, so nothing outside the admin pages may use one.
 *
 * <p>Every assessment page scores by its set, so the catalogue keeps in memory what does not change:
 * <ul>
 * <li>the {@link CriteriaDefinition} of published and retired sets, by id (at most {@value #MAX_CACHED_SETS}, the
 * least recently used dropped first). Their content never changes; retiring changes the status only, and
 * evicts. A draft is never kept: it is refused here anyway, and the admin pages read it from the database.</li>
 * <li>the published sets covering a year and the target group catalogue. These change when an admin publishes,
 * retires, deletes or edits a group: {@link CriteriaAdministration} evicts them at once and again when its
 * transaction ends (a reader between the two cannot keep the old answer). Another application instance does not
 * hear of it, so these two are also dropped after {@link #LOOKUP_TTL}: the longest another instance can lag.</li>
 * </ul>
 */
@Service
@Transactional(readOnly = true)
public class CriteriaCatalog {

    static final int MAX_CACHED_SETS = 64;
    static final Duration LOOKUP_TTL = Duration.ofSeconds(60);

    private final CriteriaSetRepository sets;
    private final TargetGroupRepository groups;

    /** Published and retired sets by id, least recently used first. */
    private final Map<Long, CriteriaDefinition> definitions = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Long, CriteriaDefinition> eldest) {
                    return size() > MAX_CACHED_SETS;
                }
            });
    /** Year → the published sets covering it, in force first; only non-empty answers are kept. */
    private final Map<Integer, Timed<List<CriteriaSetSummary>>> publishedFor = new ConcurrentHashMap<>();
    private volatile Timed<List<TargetGroupOption>> groupCatalogue;
    /** Moves on at every eviction: an answer loaded across one is not kept (it may predate the change). */
    private final AtomicLong generation = new AtomicLong();

    CriteriaCatalog(CriteriaSetRepository sets, TargetGroupRepository groups) {
        this.sets = sets;
        this.groups = groups;
    }

    /** Every target group, in display order. Citizens store the code. */
    public List<TargetGroupOption> targetGroups() {
        Timed<List<TargetGroupOption>> cached = groupCatalogue;
        if (cached != null && cached.fresh()) {
            return cached.value();
        }
        long before = generation.get();
        List<TargetGroupOption> loaded = groups.findAllByOrderBySortOrderAscCodeAsc().stream()
                .map(TargetGroup::toOption).toList();
        if (generation.get() == before) {
            groupCatalogue = new Timed<>(loaded);
        }
        return loaded;
    }

    public Optional<TargetGroupOption> targetGroup(String code) {
        return code == null ? Optional.empty()
                : targetGroups().stream().filter(g -> g.code().equals(code)).findFirst();
    }

    /**
     * The set in force for a year: among published sets whose years include it, the most recently published (so a
     * newer version takes over from an older one for the years both cover). Empty when none covers the year.
     */
    public Optional<CriteriaSetSummary> inForce(int year) {
        return usableFor(year).stream().findFirst();
    }

    /** Every published set that covers the year, the one in force first: the choices for a new assessment. */
    public List<CriteriaSetSummary> usableFor(int year) {
        Timed<List<CriteriaSetSummary>> cached = publishedFor.get(year);
        if (cached != null && cached.fresh()) {
            return cached.value();
        }
        long before = generation.get();
        List<CriteriaSetSummary> loaded = sets.findPublishedFor(year).stream().map(CriteriaSet::toSummary).toList();
        if (!loaded.isEmpty() && generation.get() == before) {
            publishedFor.put(year, new Timed<>(loaded));
        }
        return loaded;
    }

    public List<CriteriaSetSummary> published() {
        return sets.findPublished().stream().map(CriteriaSet::toSummary).toList();
    }

    /** The header of a published or retired set. */
    public CriteriaSetSummary get(long criteriaSetId) {
        return load(criteriaSetId).toSummary();
    }

    /** The whole published or retired set, as an immutable value (from memory after the first time). */
    public CriteriaDefinition definition(long criteriaSetId) {
        CriteriaDefinition cached = definitions.get(criteriaSetId);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        CriteriaDefinition loaded = load(criteriaSetId).toDefinition(groupOrder());
        if (generation.get() == before) {
            definitions.put(criteriaSetId, loaded);
        }
        return loaded;
    }

    /** The set in force for a year, whole. */
    public Optional<CriteriaDefinition> definitionInForce(int year) {
        return inForce(year).map(set -> definition(set.id()));
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
            throw new BusinessRuleException("criteria.use.notPublished", set.title());
        }
        if (!set.appliesTo(year)) {
            throw new BusinessRuleException("criteria.use.wrongYear", set.title(), year, set.yearFrom(),
                    set.yearTo());
        }
        return set;
    }

    CriteriaForm formOf(CriteriaDefinition criteria, String targetGroupCode) {
        if (!criteria.hasTargetGroup(targetGroupCode)) {
            throw new BusinessRuleException("criteria.score.unknownGroup", String.valueOf(targetGroupCode),
                    criteria.title());
        }
        TargetGroupOption group = targetGroup(targetGroupCode)
                .orElseThrow(() -> new NotFoundException("target group " + targetGroupCode));
        return CriteriaForm.of(criteria, group);
    }

    // ---- eviction, by the admin side of the module ----

    /** A set's status changed or it is gone: forget it and the year look-ups, now and when the change commits. */
    void evictSet(long criteriaSetId) {
        evictNowAndAtEnd(() -> {
            definitions.remove(criteriaSetId);
            publishedFor.clear();
        });
    }

    /** The target group catalogue changed. */
    void evictGroups() {
        evictNowAndAtEnd(() -> groupCatalogue = null);
    }

    /** Everything (for changes made behind the catalogue's back, e.g. by SQL in tests). */
    void evictAll() {
        generation.incrementAndGet();
        definitions.clear();
        publishedFor.clear();
        groupCatalogue = null;
    }

    /** Whether the set's definition is in memory now (for tests). */
    boolean isCached(long criteriaSetId) {
        return definitions.containsKey(criteriaSetId);
    }

    /**
     * Once now, so that this transaction and everyone after it re-read; once more when the transaction ends, so
     * that a reader who loaded the old rows between the two (the change not yet committed) does not keep them.
     */
    private void evictNowAndAtEnd(Runnable clear) {
        Runnable evict = () -> {
            generation.incrementAndGet();
            clear.run();
        };
        evict.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    evict.run();
                }
            });
        }
    }

    private List<String> groupOrder() {
        return targetGroups().stream().map(TargetGroupOption::code).toList();
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

    /** A cached answer and when it was loaded. */
    private record Timed<T>(T value, long loadedAt) {

        Timed(T value) {
            this(value, System.nanoTime());
        }

        boolean fresh() {
            return System.nanoTime() - loadedAt < LOOKUP_TTL.toNanos();
        }
    }
}
