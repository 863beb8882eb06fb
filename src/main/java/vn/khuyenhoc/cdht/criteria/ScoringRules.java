package vn.khuyenhoc.cdht.criteria;

/**
 * The pass rule and the digital-skills rule of one criteria set. Per-competency minimums and mandatory indicators
 * sit on {@link CompetencyDefinition} and {@link IndicatorDefinition}.
 *
 * @param minTotal                 the total must reach this to pass (default 80)
 * @param minPerIndicator          every indicator must reach this to pass (default 5)
 * @param digitalIndicatorCode     the digital-skills indicator, or null when the set has none
 * @param digitalThreshold         "has digital skills" from this score of that indicator (default 5)
 * @param proficientThreshold      "proficient" from this score (default 8)
 * @param proficientWhenOnlineSelf proficient also when the citizen self-assessed online (default on)
 */
public record ScoringRules(int minTotal, int minPerIndicator, String digitalIndicatorCode, int digitalThreshold,
        int proficientThreshold, boolean proficientWhenOnlineSelf) {

    public static final int DEFAULT_MIN_TOTAL = 80;
    public static final int DEFAULT_MIN_PER_INDICATOR = 5;
    public static final int DEFAULT_DIGITAL_THRESHOLD = 5;
    public static final int DEFAULT_PROFICIENT_THRESHOLD = 8;

    /** The rules of QĐ 324/QĐ-KHVN and the project's digital-skills decision. */
    public static ScoringRules defaults(String digitalIndicatorCode) {
        return new ScoringRules(DEFAULT_MIN_TOTAL, DEFAULT_MIN_PER_INDICATOR, digitalIndicatorCode,
                DEFAULT_DIGITAL_THRESHOLD, DEFAULT_PROFICIENT_THRESHOLD, true);
    }

    public ScoringRules withMinTotal(int newMinTotal) {
        return new ScoringRules(newMinTotal, minPerIndicator, digitalIndicatorCode, digitalThreshold,
                proficientThreshold, proficientWhenOnlineSelf);
    }

    public ScoringRules withMinPerIndicator(int newMinPerIndicator) {
        return new ScoringRules(minTotal, newMinPerIndicator, digitalIndicatorCode, digitalThreshold,
                proficientThreshold, proficientWhenOnlineSelf);
    }

    public ScoringRules withDigitalIndicatorCode(String code) {
        return new ScoringRules(minTotal, minPerIndicator, code, digitalThreshold, proficientThreshold,
                proficientWhenOnlineSelf);
    }

    public ScoringRules withProficientWhenOnlineSelf(boolean enabled) {
        return new ScoringRules(minTotal, minPerIndicator, digitalIndicatorCode, digitalThreshold,
                proficientThreshold, enabled);
    }
}
