package vn.khuyenhoc.cdht.account;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Repository;
import vn.khuyenhoc.cdht.area.Subtree;

/** Accounts bound to a unit in a subtree, by name: the account list (the subtree filter is area's). */
@Repository
class AccountSearch {

    private static final String FROM = "from app_user u join admin_unit a on a.id = u.unit_id where "
            + Subtree.below("a.path", "scopePath")
            + " and (lower(u.username) like :pattern or lower(u.display_name) like :pattern)";

    private final EntityManager em;

    AccountSearch(EntityManager em) {
        this.em = em;
    }

    /** {@code pattern} is a lower-case LIKE pattern; the page is ordered by user name. */
    Page<AppUser> inSubtree(Subtree within, String pattern, Pageable pageable) {
        @SuppressWarnings("unchecked")
        List<AppUser> rows = bind(em.createNativeQuery("select u.* " + FROM + " order by u.username", AppUser.class),
                within, pattern)
                .setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageable.getPageSize())
                .getResultList();
        long total = ((Number) bind(em.createNativeQuery("select count(*) " + FROM), within, pattern)
                .getSingleResult()).longValue();
        return new PageImpl<>(rows, pageable, total);
    }

    private static Query bind(Query query, Subtree within, String pattern) {
        return query.setParameter("scopePath", within.path()).setParameter("pattern", pattern);
    }
}
