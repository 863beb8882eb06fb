package vn.khuyenhoc.cdht.portal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.khuyenhoc.cdht.assessment.AssessmentDetail;
import vn.khuyenhoc.cdht.assessment.ScoreEntry;

/**
 * What the citizen's form posts: one row per indicator (its code hidden) and the version the page was opened with.
 * There is no assessment id: the assessment is always the signed-in citizen's own of the year.
 */
public class SelfForm {

    private long version;
    private List<Row> items = new ArrayList<>();

    static SelfForm of(AssessmentDetail detail) {
        SelfForm form = new SelfForm();
        form.version = detail.version();
        detail.lines().forEach(line -> form.items.add(new Row(line.code(), line.selfScore(), line.evidenceNote())));
        return form;
    }

    Map<String, ScoreEntry> entries() {
        Map<String, ScoreEntry> entries = new LinkedHashMap<>();
        for (Row row : items) {
            if (row != null && row.getCode() != null) {
                entries.put(row.getCode(), new ScoreEntry(row.getScore(), row.getNote()));
            }
        }
        return entries;
    }

    Map<String, Integer> scores() {
        Map<String, Integer> scores = new HashMap<>();
        entries().forEach((code, entry) -> {
            if (entry.score() != null) {
                scores.put(code, entry.score());
            }
        });
        return scores;
    }

    public long getVersion() {
        return version;
    }

    public void setVersion(long version) {
        this.version = version;
    }

    public List<Row> getItems() {
        return items;
    }

    public void setItems(List<Row> items) {
        this.items = items;
    }

    /** One indicator's row. */
    public static class Row {

        private String code;
        private Integer score;
        private String note;

        public Row() {
        }

        Row(String code, Integer score, String note) {
            this.code = code;
            this.score = score;
            this.note = note;
        }

        public String getCode() {
            return code;
        }

        public void setCode(String code) {
            this.code = code;
        }

        public Integer getScore() {
            return score;
        }

        public void setScore(Integer score) {
            this.score = score;
        }

        public String getNote() {
            return note;
        }

        public void setNote(String note) {
            this.note = note;
        }
    }
}
