package vn.khuyenhoc.cdht.assessment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the entry form (self-scores with evidence notes) and the verification form (verified scores with the
 * verifier's notes) post: one row per indicator, in form order, and the version the page was opened with. Public
 * because the citizen's own form (module portal) posts the same rows.
 */
public class ScoresForm {

    private long version;
    private List<Row> items = new ArrayList<>();

    /** The stored self-scores, for the entry form. */
    public static ScoresForm ofSelfScores(AssessmentDetail detail) {
        ScoresForm form = new ScoresForm();
        form.version = detail.version();
        detail.lines().forEach(line -> form.items.add(new Row(line.code(), line.selfScore(), line.evidenceNote())));
        return form;
    }

    /** The verified scores, prefilled from the self-scores where none is stored yet. */
    static ScoresForm ofVerifiedScores(AssessmentDetail detail) {
        ScoresForm form = new ScoresForm();
        form.version = detail.version();
        detail.lines().forEach(line -> form.items.add(new Row(line.code(),
                line.verifiedScore() != null ? line.verifiedScore() : line.selfScore(), line.verifierNote())));
        return form;
    }

    public Map<String, ScoreEntry> entries() {
        Map<String, ScoreEntry> entries = new LinkedHashMap<>();
        for (Row row : items) {
            if (row != null && row.getCode() != null) {
                entries.put(row.getCode(), new ScoreEntry(row.getScore(), row.getNote()));
            }
        }
        return entries;
    }

    public Map<String, Integer> scores() {
        Map<String, Integer> scores = new HashMap<>();
        entries().forEach((code, entry) -> {
            if (entry.score() != null) {
                scores.put(code, entry.score());
            }
        });
        return scores;
    }

    /** The row index of an indicator, for putting a problem on its field. */
    int indexOf(String code) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null && code != null && code.equals(items.get(i).getCode())) {
                return i;
            }
        }
        return -1;
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

    /** One indicator's row; the code is a hidden field so that rows never depend on their position alone. */
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
