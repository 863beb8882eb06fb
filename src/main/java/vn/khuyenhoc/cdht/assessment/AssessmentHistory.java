package vn.khuyenhoc.cdht.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import vn.khuyenhoc.cdht.audit.AuditEntry;
import vn.khuyenhoc.cdht.criteria.CriteriaCatalog;
import vn.khuyenhoc.cdht.criteria.TargetGroupOption;
import vn.khuyenhoc.cdht.shared.ActorNames;

/**
 * Words an assessment's audit trail for its history page: each item {@link Changes} stored becomes a sentence of
 * the bundle ({@code assessment.change.<kind>}) with states, channels, target groups and criteria sets named as the
 * pages name them, and the actor as {@link ActorNames} shows people.
 */
@Component
class AssessmentHistory {

    private static final String DASH = "–";

    private final MessageSource messages;
    private final CriteriaCatalog catalog;
    private final ActorNames actors;

    AssessmentHistory(MessageSource messages, CriteriaCatalog catalog, ActorNames actors) {
        this.messages = messages;
        this.catalog = catalog;
        this.actors = actors;
    }

    List<HistoryEntry> words(List<AuditEntry> entries, Locale locale) {
        List<HistoryEntry> lines = new ArrayList<>();
        for (AuditEntry entry : entries) {
            List<String> changes = new ArrayList<>();
            for (Changes.Item item : Changes.parse(entry.details())) {
                changes.add(sentence(item, locale));
            }
            String action = messages.getMessage(new DefaultMessageSourceResolvable(
                    new String[] {"assessment.audit." + entry.action(), "assessment.audit.other"}), locale);
            lines.add(new HistoryEntry(entry.occurredAt(), actors.of(entry.actor()), action, changes,
                    entry.reason()));
        }
        return lines;
    }

    private String sentence(Changes.Item item, Locale locale) {
        List<String> a = item.a();
        Object[] args = switch (item.k()) {
            case "created" -> new Object[] {a.get(0), groupName(a.get(2)), setTitle(a.get(1)),
                    label("assessment.channel.", a.get(3))};
            case "state" -> new Object[] {label("assessment.state.", a.get(0)), label("assessment.state.", a.get(1))};
            case "channel" -> new Object[] {label("assessment.channel.", a.get(0)),
                    label("assessment.channel.", a.get(1))};
            case "digital" -> new Object[] {label("assessment.digital.", a.get(0))};
            case "failure" -> new Object[] {new DefaultMessageSourceResolvable(new String[] {a.get(0)},
                    a.subList(1, a.size()).toArray())};
            default -> a.stream().map(v -> v == null ? DASH : v).toArray();
        };
        return messages.getMessage(new DefaultMessageSourceResolvable(new String[] {"assessment.change." + item.k()},
                args, ""), locale);
    }

    private static MessageSourceResolvable label(String prefix, String code) {
        return new DefaultMessageSourceResolvable(new String[] {prefix + code}, null, DASH);
    }

    private String groupName(String code) {
        return catalog.targetGroup(code).map(TargetGroupOption::name).orElse(DASH);
    }

    private Object setTitle(String id) {
        try {
            return catalog.definition(Long.parseLong(id)).title();
        } catch (RuntimeException e) {
            // a set deleted since (drafts only): the sentence still reads
            return DASH;
        }
    }
}
