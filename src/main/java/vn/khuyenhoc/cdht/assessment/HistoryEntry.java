package vn.khuyenhoc.cdht.assessment;

import java.time.Instant;
import java.util.List;

/**
 * One line of an assessment's history as its page shows it: when, who (as a person reads it), what was done and
 * each change as a sentence, and the reason given.
 */
public record HistoryEntry(Instant occurredAt, String actor, String action, List<String> changes, String reason) {

    public HistoryEntry {
        changes = List.copyOf(changes);
    }
}
