package vn.khuyenhoc.cdht.criteria;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.khuyenhoc.cdht.shared.CurrentUser;

/** The admin's work on criteria sets, for the home page: how many drafts wait to be finished and published. */
@Service
@Transactional(readOnly = true)
public class CriteriaDrafts {

    private final CriteriaSetRepository sets;

    CriteriaDrafts(CriteriaSetRepository sets) {
        this.sets = sets;
    }

    /** Drafts of every code (admins only; 0 for anyone else, who may not see them). */
    public long count(CurrentUser user) {
        return CriteriaPolicy.MAINTAIN.allows(user) ? sets.countByStatus(CriteriaStatus.DRAFT) : 0;
    }
}
