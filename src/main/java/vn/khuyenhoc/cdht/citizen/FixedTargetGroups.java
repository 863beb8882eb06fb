package vn.khuyenhoc.cdht.citizen;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The one place that lists target-group codes until the criteria module's lookup replaces it: farmers and rural
 * workers, industrial and handicraft workers, officials and employees, and the unpublished fourth group.
 * Labels are the messages citizen.targetGroup.{code}.
 */
@Component
class FixedTargetGroups implements TargetGroupDirectory {

    static final List<String> CODES = List.of("FARMER", "WORKER", "OFFICIAL", "OTHER");

    @Override
    public List<String> codes() {
        return CODES;
    }
}
