package vn.khuyenhoc.cdht.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.khuyenhoc.cdht.area.UnitSummary;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.TargetGroupOption;

/**
 * The computed dashboards (issue 18: a province's costs some 120 ms of SQL and Java at 1.6 M citizens, the same
 * for every reader until something changes), in Caffeine: bounded ({@value #MAX_ENTRIES} entries, least used
 * dropped first) and dropped after {@link #TTL} whatever happens. Never a way round the scope check:
 * {@link Dashboards} refuses a unit outside the user's subtree before it asks here, on every request.
 *
 * <p>Fresh by the key: the unit as area returns it this request (its name, validity and version), the year, the
 * boundaries asked for, today (today's boundaries and the forecasts move at midnight), the target groups of the
 * criteria catalogue (their names), and the {@link ReportVersion} read once per request, which every roll-up
 * refresh, rebuild, target and population edit moves on in its transaction: a recognition or a target shows from
 * the next request on, on every node. Not in the key: the names and the tree of the units below the one shown and
 * the successions (area publishes no version to key on), so a renamed or moved child shows within {@link #TTL}.
 *
 * <p>Breadcrumbs depend on the user (they stop at the user's own unit): not cached, laid on each request.
 *
 * <p>The HTML of the page's figures (report/dashboard-figures, some 90 KB at a province of 80 communes, which took
 * ten times the framework floor's time to render) is kept beside its entry, per locale and the reader's two
 * permissions that change it; weighed by its length ({@value #MAX_HTML_CHARS} characters in all) and dropped with
 * its entry's version.
 */
@Component
class DashboardCache {

    static final int MAX_ENTRIES = 256;
    static final Duration TTL = Duration.ofSeconds(60);
    /** Charts and forecasts kept per entry for at most this many locales (the locale cookie is the client's). */
    static final int MAX_LOCALES = 4;
    /** The rendered figures kept, in characters (two bytes each): some 16 MB of the heap. */
    static final int MAX_HTML_CHARS = 8 * 1024 * 1024;

    private final ReportVersion version;
    private final CriteriaCatalog catalog;
    private final Cache<Key, Entry> entries = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES).expireAfterWrite(TTL).build();
    private final Cache<HtmlKey, String> html = Caffeine.newBuilder()
            .maximumWeight(MAX_HTML_CHARS).weigher((HtmlKey key, String text) -> text.length())
            .expireAfterWrite(TTL).build();
    /** The newest version this node has read: older entries can no longer be asked for. */
    private final AtomicLong newest = new AtomicLong(Long.MIN_VALUE);

    DashboardCache(ReportVersion version, CriteriaCatalog catalog) {
        this.version = version;
        this.catalog = catalog;
    }

    record Key(UnitSummary unit, int year, Boundaries requested, LocalDate today, long version,
            List<TargetGroupOption> groups) {
    }

    /** One rendering of an entry's figures: entries compare by identity, so a new computation renders anew. */
    record HtmlKey(Entry entry, Locale locale, boolean mayManage, boolean mayRebuild) {
    }

    /** What the dashboard page draws from the figures, in one locale. */
    record Parts(Map<String, String> charts, String collectiveChart, Map<Indicator, Forecast.Result> forecasts) {

        Parts {
            charts = Collections.unmodifiableMap(charts);
            forecasts = Collections.unmodifiableMap(forecasts);
        }
    }

    /** The figures of one key (without breadcrumbs) and, per locale, the page's parts drawn from them. */
    static final class Entry {

        private final ReportView figures;
        private final boolean kept;
        private final ConcurrentMap<Locale, Parts> parts = new ConcurrentHashMap<>();

        Entry(ReportView figures, boolean kept) {
            this.figures = figures;
            this.kept = kept;
        }

        ReportView figures() {
            return figures;
        }

        Parts parts(Locale locale, Function<ReportView, Parts> draw) {
            Parts known = parts.get(locale);
            if (known != null) {
                return known;
            }
            Parts drawn = draw.apply(figures);
            if (parts.size() < MAX_LOCALES) {
                parts.putIfAbsent(locale, drawn);
            }
            return drawn;
        }
    }

    /** The user's view (figures of the entry with the user's breadcrumbs) and the entry it came from. */
    record Shown(ReportView view, Entry entry) {
    }

    /**
     * The entry of the unit (already checked against the user's scope), computed when absent; concurrent requests
     * for the same key wait for one computation. Inside a transaction that writes, computed and not kept: its
     * figures may never commit.
     */
    Entry entry(UnitSummary unit, int year, Boundaries requested, Supplier<ReportView> compute) {
        if (!TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return new Entry(compute.get(), false);
        }
        // read before the figures: they are at least as new as the version they are kept under
        long current = version.current();
        dropOlderThan(current);
        Key key = new Key(unit, year, requested, LocalDate.now(), current, catalog.targetGroups());
        return entries.get(key, k -> new Entry(compute.get(), true));
    }

    /**
     * The HTML of the entry's figures for a reader with these permissions, rendered when absent (concurrent readers
     * of the same key wait for one rendering); an entry that was not kept is rendered each time.
     */
    String html(Entry entry, Locale locale, boolean mayManage, boolean mayRebuild, Supplier<String> render) {
        if (!entry.kept) {
            return render.get();
        }
        return html.get(new HtmlKey(entry, locale, mayManage, mayRebuild), k -> render.get());
    }

    private void dropOlderThan(long current) {
        long known = newest.get();
        if (current > known && newest.compareAndSet(known, current)) {
            entries.asMap().keySet().removeIf(k -> k.version() < current);
            // every entry left is of the newest version, and their renderings are made from now on
            html.invalidateAll();
        }
    }

    /** Entries held now (for tests). */
    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
