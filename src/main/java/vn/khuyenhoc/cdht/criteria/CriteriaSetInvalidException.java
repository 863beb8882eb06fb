package vn.khuyenhoc.cdht.criteria;

import java.util.List;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/** Publishing refused: the draft has problems, all of them listed. */
class CriteriaSetInvalidException extends BusinessRuleException {

    private final transient List<PublishCheck.Problem> problems;

    CriteriaSetInvalidException(List<PublishCheck.Problem> problems) {
        super("criteria.publish.invalid", problems.size());
        this.problems = List.copyOf(problems);
    }

    List<PublishCheck.Problem> problems() {
        return problems;
    }
}
