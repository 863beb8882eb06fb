package vn.khuyenhoc.cdht.report;

import java.util.List;
import vn.khuyenhoc.cdht.community.CollectiveKind;

/**
 * What targets are set for: the indicators of Decision 677/QĐ-TTg (Learning Citizens) and the rates of Decision
 * 387/QĐ-TTg (learning families, clans, communities, units), each with the collective kind it counts.
 */
public enum Indicator {
    ADULTS(677, null),
    OFFICIALS(677, null),
    DIGITAL(677, null),
    PROFICIENT(677, null),
    /** HKH officials and members trained on the criteria: entered with the population figures. */
    ASSOCIATION_STAFF(677, null),
    FAMILIES(387, CollectiveKind.HOUSEHOLD),
    CLANS(387, CollectiveKind.CLAN),
    COMMUNITIES(387, CollectiveKind.COMMUNITY),
    LEARNING_UNITS(387, CollectiveKind.LEARNING_UNIT);

    /** Shown per child unit and per year: the four measured from the register. */
    public static final List<Indicator> MEASURED = List.of(ADULTS, OFFICIALS, DIGITAL, PROFICIENT);

    private final int decision;
    private final CollectiveKind kind;

    Indicator(int decision, CollectiveKind kind) {
        this.decision = decision;
        this.kind = kind;
    }

    /** 677 or 387: the Prime Minister's decision that sets it. */
    public int decision() {
        return decision;
    }

    public CollectiveKind kind() {
        return kind;
    }
}
