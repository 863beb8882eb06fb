package vn.khuyenhoc.cdht.criteria;

import java.util.List;
import vn.khuyenhoc.cdht.shared.BusinessRuleException;

/**
 * Cross-field checks of a draft's rules against its scale, at every save (publishing checks them all again with
 * the indicators as they are then, see {@link PublishCheck}): no rule may ask for more than the scale gives. With
 * every rule within its scale the set is satisfiable: all indicators at their maximum meet each minimum at once.
 */
final class ScaleCheck {

    private ScaleCheck() {
    }

    /**
     * Throws the first rule outside the scale, on the field of the rules form that holds it.
     *
     * @param digital the digital-skills indicator (one of {@code indicators}), or null when the set names none
     */
    static void requireSatisfiable(ScoringRules rules, int totalPoints, List<Indicator> indicators,
            Indicator digital) {
        if (rules.minTotal() > totalPoints) {
            throw BusinessRuleException.onField("minTotal", "criteria.rules.minTotalAboveTotal",
                    String.valueOf(rules.minTotal()), String.valueOf(totalPoints));
        }
        indicators.stream().mapToInt(Indicator::getMaxPoints).min().ifPresent(lowestMax -> {
            if (rules.minPerIndicator() > lowestMax) {
                throw BusinessRuleException.onField("minPerIndicator", "criteria.rules.minPerIndicatorAboveScale",
                        String.valueOf(rules.minPerIndicator()), String.valueOf(lowestMax));
            }
        });
        if (digital != null) {
            if (rules.digitalThreshold() < digital.getMinPoints()
                    || rules.digitalThreshold() > digital.getMaxPoints()) {
                throw BusinessRuleException.onField("digitalThreshold", "criteria.rules.thresholdOutsideScale",
                        String.valueOf(rules.digitalThreshold()), digital.getCode(),
                        String.valueOf(digital.getMinPoints()), String.valueOf(digital.getMaxPoints()));
            }
            if (rules.proficientThreshold() < rules.digitalThreshold()
                    || rules.proficientThreshold() > digital.getMaxPoints()) {
                throw BusinessRuleException.onField("proficientThreshold",
                        "criteria.rules.proficientOutsideScale", String.valueOf(rules.proficientThreshold()),
                        String.valueOf(rules.digitalThreshold()), String.valueOf(digital.getMaxPoints()));
            }
        } else if (rules.proficientThreshold() < rules.digitalThreshold()) {
            throw BusinessRuleException.onField("proficientThreshold", "criteria.rules.proficientBelowDigital",
                    String.valueOf(rules.proficientThreshold()), String.valueOf(rules.digitalThreshold()));
        }
    }
}
