package vn.khuyenhoc.cdht.criteria;

import java.util.List;

/**
 * One reason why a set of scores cannot be scored at all (missing, out of bounds, unknown indicator, ...).
 *
 * @param indicatorCode the indicator at fault, or null when the whole input is
 */
public record ScoreProblem(String indicatorCode, String messageKey, List<Object> arguments) {

    public ScoreProblem {
        arguments = List.copyOf(arguments);
    }

    static ScoreProblem of(String indicatorCode, String messageKey, Object... arguments) {
        return new ScoreProblem(indicatorCode, messageKey, java.util.Arrays.asList(arguments).stream()
                .map(a -> a == null ? "" : a).toList());
    }

    public Object[] args() {
        return arguments.toArray();
    }
}
