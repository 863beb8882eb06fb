package vn.khuyenhoc.cdht.citizen;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.TargetGroupOption;

/**
 * The target groups (nhóm đối tượng) a citizen may register under. They are data of the criteria module, which
 * an admin may rename, so forms and pages take codes and names from there rather than from the message files.
 */
@Component
class TargetGroupDirectory {

    private final CriteriaCatalog catalog;

    TargetGroupDirectory(CriteriaCatalog catalog) {
        this.catalog = catalog;
    }

    /** In the order forms offer them. */
    List<TargetGroupOption> options() {
        return catalog.targetGroups();
    }

    Map<String, String> names() {
        return options().stream().collect(Collectors.toMap(TargetGroupOption::code, TargetGroupOption::name));
    }

    boolean isKnown(String code) {
        return code != null && catalog.targetGroup(code).isPresent();
    }
}
