package vn.khuyenhoc.cdht.assessment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.khuyenhoc.cdht.criteria.Channel;
import vn.khuyenhoc.cdht.criteria.CriteriaDefinition;
import vn.khuyenhoc.cdht.criteria.IndicatorDefinition;
import vn.khuyenhoc.cdht.criteria.RuleFailure;
import vn.khuyenhoc.cdht.criteria.ScoreResult;

/**
 * What one change of an assessment did, as data: the details of its audit line are a JSON list of items (a kind and
 * its values), which {@link AssessmentHistory} words as sentences of the reader's language ("Điểm tự chấm chỉ số
 * 6: 5 → 7", "Trạng thái: Đang nhập → Chờ thẩm định", "Không đạt: Tổng điểm 79, dưới mức tối thiểu 80"). So no
 * code, enum name or key=value text is ever stored for a page to show.
 */
final class Changes {

    /** The audit line's details hold at most this much; items beyond it are summed up as "more". */
    static final int MAX_JSON = 3900;
    private static final int NOTE_SHOWN = 80;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One item: its kind (the message key's last part) and its values, as text (null: none). */
    record Item(String k, List<String> a) {

        Item {
            a = a == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(a));
        }
    }

    /** What the history compares before and after a change. */
    record Snapshot(AssessmentState state, Channel channel, Integer selfTotal, Integer verifiedTotal,
            Boolean hasDigitalSkills, Boolean digitalProficient) {

        static Snapshot of(Assessment a) {
            return new Snapshot(a.getState(), a.getChannel(), a.getSelfTotal(), a.getVerifiedTotal(),
                    a.getHasDigitalSkills(), a.getDigitalProficient());
        }
    }

    private final List<Item> items = new ArrayList<>();

    Changes add(String kind, Object... values) {
        items.add(new Item(kind, Arrays.stream(values).map(v -> v == null ? null : v.toString()).toList()));
        return this;
    }

    boolean isEmpty() {
        return items.isEmpty();
    }

    Changes created(int year, long criteriaSetId, String targetGroup, Channel channel) {
        return add("created", year, criteriaSetId, targetGroup, channel.name());
    }

    /** Every self-score and evidence note that differs, indicator by indicator in form order. */
    Changes selfScores(CriteriaDefinition criteria, Map<String, Integer> oldScores, Map<String, Integer> newScores,
            Map<String, String> oldNotes, Map<String, String> newNotes) {
        for (IndicatorDefinition indicator : criteria.indicators()) {
            String code = indicator.code();
            if (!Objects.equals(oldScores.get(code), newScores.get(code))) {
                add("selfScore", code, oldScores.get(code), newScores.get(code));
            }
            if (!Objects.equals(oldNotes.get(code), newNotes.get(code))) {
                add("evidence", code, shorten(oldNotes.get(code)), shorten(newNotes.get(code)));
            }
        }
        return this;
    }

    /** The verified scores that differ from the self-scores, with the verifier's notes. */
    Changes verifiedScores(CriteriaDefinition criteria, Map<String, Integer> selfScores,
            Map<String, Integer> verifiedScores, Map<String, String> notes) {
        for (IndicatorDefinition indicator : criteria.indicators()) {
            String code = indicator.code();
            if (!Objects.equals(selfScores.get(code), verifiedScores.get(code))) {
                add("verifiedScore", code, selfScores.get(code), verifiedScores.get(code));
                if (notes.get(code) != null) {
                    add("verifierNote", code, shorten(notes.get(code)));
                }
            }
        }
        return this;
    }

    /** State, channel, totals and digital flags that a change moved. */
    Changes transition(Snapshot before, Snapshot after) {
        if (before.state() != after.state()) {
            add("state", before.state().name(), after.state().name());
        }
        if (before.channel() != after.channel()) {
            add("channel", before.channel().name(), after.channel().name());
        }
        if (!Objects.equals(before.selfTotal(), after.selfTotal())) {
            add("selfTotal", before.selfTotal(), after.selfTotal());
        }
        if (!Objects.equals(before.verifiedTotal(), after.verifiedTotal())) {
            add("verifiedTotal", before.verifiedTotal(), after.verifiedTotal());
        }
        if (after.hasDigitalSkills() != null && (!Objects.equals(before.hasDigitalSkills(), after.hasDigitalSkills())
                || !Objects.equals(before.digitalProficient(), after.digitalProficient()))) {
            add("digital", digitalKey(after.hasDigitalSkills(), after.digitalProficient()));
        }
        return this;
    }

    /** The engine's verdict: passed with the total, or each rule failed as the engine words it. */
    Changes verdict(ScoreResult result) {
        if (result == null) {
            return this;
        }
        if (result.passed()) {
            return add("passed", result.total(), result.maxTotal());
        }
        for (RuleFailure failure : result.failures()) {
            List<Object> values = new ArrayList<>();
            values.add(failure.messageKey());
            values.addAll(failure.arguments());
            add("failure", values.toArray());
        }
        return this;
    }

    /** The details as stored: the items as JSON, cut short (with a "more" item) to fit the column. */
    String json() {
        List<Item> kept = new ArrayList<>(items);
        String json = write(kept);
        while (json.length() > MAX_JSON && kept.size() > 1) {
            kept.remove(kept.size() - 1);
            List<Item> shortened = new ArrayList<>(kept);
            shortened.add(new Item("more", List.of()));
            json = write(shortened);
        }
        return json;
    }

    /** The items of stored details; none for details written before they were data (plain text). */
    static List<Item> parse(String details) {
        if (details == null || !details.startsWith("[")) {
            return List.of();
        }
        try {
            return JSON.readValue(details, new TypeReference<List<Item>>() { });
        } catch (JacksonException e) {
            return List.of();
        }
    }

    static String digitalKey(Boolean has, Boolean proficient) {
        boolean h = Boolean.TRUE.equals(has);
        boolean p = Boolean.TRUE.equals(proficient);
        return p ? (h ? "both" : "proficientOnly") : (h ? "has" : "none");
    }

    private static String write(List<Item> items) {
        return JSON.writeValueAsString(items);
    }

    private static String shorten(String note) {
        if (note == null) {
            return null;
        }
        return note.length() <= NOTE_SHOWN ? note : note.substring(0, NOTE_SHOWN - 1) + "…";
    }
}
