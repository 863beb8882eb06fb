package vn.khuyenhoc.cdht.criteria;

import java.util.Map;
import java.util.Optional;

/**
 * An indicator (chỉ số) of a criteria set: scored from {@code minPoints} to {@code maxPoints}.
 *
 * @param id           the row id; assessments may keep it beside the code
 * @param order        position within its competency on the form
 * @param mandatoryMin optional: a mandatory indicator must reach at least this score; null when not mandatory
 * @param wordings     per target group code, the wording and evidence hint
 */
public record IndicatorDefinition(long id, String code, String competencyCode, int order, String name, int minPoints,
        int maxPoints, Integer mandatoryMin, Map<String, IndicatorWording> wordings) {

    public IndicatorDefinition {
        wordings = wordings == null ? Map.of() : Map.copyOf(wordings);
    }

    public boolean mandatory() {
        return mandatoryMin != null;
    }

    public Optional<IndicatorWording> wordingFor(String targetGroupCode) {
        return Optional.ofNullable(targetGroupCode == null ? null : wordings.get(targetGroupCode))
                .filter(w -> w.wording() != null && !w.wording().isBlank());
    }
}
