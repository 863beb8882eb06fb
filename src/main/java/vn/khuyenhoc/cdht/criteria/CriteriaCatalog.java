package vn.khuyenhoc.cdht.criteria;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
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
 * transaction ends (a reader between the two cannot keep the old answer); they are also dropped after
 * {@link #LOOKUP_TTL} as a safety net.</li>
 * </ul>
 * The caches are Caffeine's. Several nodes: every such change also moves on the counter in
 * {@code criteria_catalog_version} in its transaction, and each node reads that counter once per request (once a
 * second outside requests) and drops everything when it moved, so a publish on one node is used by every node
 * from the next request on.
 */
@Service
@Transactional(readOnly = true)
public class CriteriaCatalog {

    static final int MAX_CACHED_SETS = 64;
    static final Duration LOOKUP_TTL = Duration.ofSeconds(60);

    private final CriteriaSetRepository sets;
    private final TargetGroupRepository groups;

    private static final String CHECKED = CriteriaCatalog.class.getName() + ".checked";
    private static final long CHECK_OUTSIDE_REQUESTS_NANOS = Duration.ofSeconds(1).toNanos();

    private final JdbcTemplate jdbc;
    /** Published and retired sets by id, the least used dropped first. */
    private final Cache<Long, CriteriaDefinition> definitions = Caffeine.newBuilder()
            .maximumSize(MAX_CACHED_SETS).build();
    /** Year → the published sets covering it, in force first; only non-empty answers are kept. */
    private final Cache<Integer, List<CriteriaSetSummary>> publishedFor = Caffeine.newBuilder()
            .expireAfterWrite(LOOKUP_TTL).build();
    private final Cache<Boolean, List<TargetGroupOption>> groupCatalogue = Caffeine.newBuilder()
            .expireAfterWrite(LOOKUP_TTL).build();
    /** Moves on at every eviction: an answer loaded across one is not kept (it may predate the change). */
    private final AtomicLong generation = new AtomicLong();
    /** The database's catalogue version the caches were built at, and when this node last read it. */
    private volatile long knownVersion = Long.MIN_VALUE;
    private volatile long checkedAt = System.nanoTime() - CHECK_OUTSIDE_REQUESTS_NANOS;

    CriteriaCatalog(CriteriaSetRepository sets, TargetGroupRepository groups, JdbcTemplate jdbc) {
        this.sets = sets;
        this.groups = groups;
        this.jdbc = jdbc;
    }

    /** Every target group, in display order. Citizens store the code. */
    public List<TargetGroupOption> targetGroups() {
        syncWithDatabase();
        List<TargetGroupOption> cached = groupCatalogue.getIfPresent(Boolean.TRUE);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        List<TargetGroupOption> loaded = groups.findAllByOrderBySortOrderAscCodeAsc().stream()
                .map(TargetGroup::toOption).toList();
        if (generation.get() == before) {
            groupCatalogue.put(Boolean.TRUE, loaded);
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
        syncWithDatabase();
        List<CriteriaSetSummary> cached = publishedFor.getIfPresent(year);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        List<CriteriaSetSummary> loaded = sets.findPublishedFor(year).stream().map(CriteriaSet::toSummary).toList();
        if (!loaded.isEmpty() && generation.get() == before) {
            publishedFor.put(year, loaded);
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
        syncWithDatabase();
        CriteriaDefinition cached = definitions.getIfPresent(criteriaSetId);
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
            definitions.invalidate(criteriaSetId);
            publishedFor.invalidateAll();
        });
    }

    /** The target group catalogue changed. */
    void evictGroups() {
        evictNowAndAtEnd(groupCatalogue::invalidateAll);
    }

    /** Everything (for changes made behind the catalogue's back, e.g. by SQL in tests). */
    void evictAll() {
        generation.incrementAndGet();
        definitions.invalidateAll();
        publishedFor.invalidateAll();
        groupCatalogue.invalidateAll();
    }

    /** Whether the set's definition is in memory now (for tests). */
    boolean isCached(long criteriaSetId) {
        return definitions.getIfPresent(criteriaSetId) != null;
    }

    /**
     * Once now, so that this transaction and everyone after it re-read; once more when the transaction ends, so
     * that a reader who loaded the old rows between the two (the change not yet committed) does not keep them.
     */
    private void evictNowAndAtEnd(Runnable clear) {
        // the other nodes learn of it from the counter, which commits (or not) with the change
        jdbc.update("update criteria_catalog_version set version = version + 1 where id = 1");
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

    /**
     * Drops every cached answer when the database's catalogue version moved since the caches were built (a change
     * made on another node). Read once per request, or once a second outside requests (background work).
     */
    private void syncWithDatabase() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            if (request.getAttribute(CHECKED, RequestAttributes.SCOPE_REQUEST) != null) {
                return;
            }
            request.setAttribute(CHECKED, Boolean.TRUE, RequestAttributes.SCOPE_REQUEST);
        } else if (System.nanoTime() - checkedAt < CHECK_OUTSIDE_REQUESTS_NANOS) {
            return;
        }
        checkedAt = System.nanoTime();
        List<Long> version = jdbc.queryForList("select version from criteria_catalog_version where id = 1",
                Long.class);
        long current = version.isEmpty() ? 0 : version.get(0);
        if (current != knownVersion) {
            evictAll();
            knownVersion = current;
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
}
