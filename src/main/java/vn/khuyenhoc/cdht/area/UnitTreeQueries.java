package vn.khuyenhoc.cdht.area;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Repository;

/**
 * The unit table's queries over a subtree, whose filter is {@link Subtree}'s to write (a repository annotation can
 * only hold a constant): the unit search and the rewrite of a moved subtree's paths.
 */
@Repository
class UnitTreeQueries {

    private static final String SEARCH = "from AdminUnit u where " + Subtree.below("u.path", "scopePath") + """
            and u.searchName like :pattern escape '\\'
            and (:includeRetired = true or u.validTo is null or u.validTo >= :today)""";

    private static final String REBASE = """
            update admin_unit
               set path = concat(:newPrefix, substring(path, :oldLength + 1)),
                   depth = depth + :depthShift
             where\s""" + Subtree.below("path", "oldPrefix") + "and path <> :oldPrefix";

    private final EntityManager em;

    UnitTreeQueries(EntityManager em) {
        this.em = em;
    }

    /** Units in the subtree whose folded name matches {@code pattern} (a LIKE pattern), shallowest first. */
    Page<AdminUnit> search(Subtree within, String pattern, boolean includeRetired, LocalDate today,
            Pageable pageable) {
        List<AdminUnit> rows = bind(em.createQuery("select u " + SEARCH + " order by u.depth, u.name",
                AdminUnit.class), within, pattern, includeRetired, today)
                .setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageable.getPageSize())
                .getResultList();
        long total = ((Number) bind(em.createQuery("select count(u) " + SEARCH), within, pattern, includeRetired,
                today).getSingleResult()).longValue();
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * Re-roots a moved subtree: every unit below the moved one (which has already been placed) changes the prefix
     * of its path from the old one to {@code newPrefix}, and its depth by the same shift. Returns the rows moved.
     */
    int rebaseSubtree(Subtree moved, String newPrefix, int depthShift) {
        return em.createNativeQuery(REBASE)
                .setParameter("oldPrefix", moved.path())
                .setParameter("newPrefix", newPrefix)
                .setParameter("oldLength", moved.path().length())
                .setParameter("depthShift", depthShift)
                .executeUpdate();
    }

    private static <Q extends Query> Q bind(Q query, Subtree within, String pattern, boolean includeRetired,
            LocalDate today) {
        query.setParameter("scopePath", within.path())
                .setParameter("pattern", pattern)
                .setParameter("includeRetired", includeRetired)
                .setParameter("today", today);
        return query;
    }
}
