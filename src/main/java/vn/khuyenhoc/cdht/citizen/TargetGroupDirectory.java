package vn.khuyenhoc.cdht.citizen;

import java.util.List;

/**
 * The target groups (nhóm đối tượng) a citizen may register under, by code. The criteria module owns target
 * groups; until it provides this lookup, {@link FixedTargetGroups} holds the four codes. Its implementation
 * should be marked {@code @Primary} (or FixedTargetGroups deleted) when it arrives.
 */
public interface TargetGroupDirectory {

    /** The codes, in the order forms offer them. */
    List<String> codes();

    default boolean isKnown(String code) {
        return code != null && codes().contains(code);
    }
}
