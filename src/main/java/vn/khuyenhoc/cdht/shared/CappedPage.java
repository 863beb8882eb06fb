package vn.khuyenhoc.cdht.shared;

import java.util.List;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;

/**
 * A page whose total was counted only up to a cap: counting every match of a broad search at province scale costs
 * more than the page itself, and nobody pages through more than a thousand rows. The cap is never below the end of
 * the current page, so "next" is right on every page ({@link #hasNext()} knows whether one more row exists).
 * Pages show "more than {@link #getCap()}" when {@link #isCapped()}.
 */
public class CappedPage<T> extends PageImpl<T> {

    /** Counts stop above this many rows (or above the end of the current page, when that is further). */
    public static final int CAP = 1000;

    private final long cap;
    private final boolean capped;

    private CappedPage(List<T> content, Pageable pageable, long total, long cap, boolean capped) {
        super(content, pageable, total);
        this.cap = cap;
        this.capped = capped;
    }

    /** How many rows the count query should count at most: {@code limit :countLimit} in its subquery. */
    public static long countLimit(Pageable pageable) {
        return capFor(pageable) + 1;
    }

    /** The page, given the rows and what the count (limited to {@link #countLimit}) returned. */
    public static <T> CappedPage<T> of(List<T> content, Pageable pageable, long counted) {
        long cap = capFor(pageable);
        return new CappedPage<>(content, pageable, counted, cap, counted > cap);
    }

    private static long capFor(Pageable pageable) {
        return pageable.isPaged() ? Math.max(CAP, pageable.getOffset() + pageable.getPageSize()) : CAP;
    }

    /** True when there are more matches than {@link #getCap()} (the total is then a lower bound). */
    public boolean isCapped() {
        return capped;
    }

    /** The number shown as "more than ..." when capped. */
    public long getCap() {
        return cap;
    }
}
