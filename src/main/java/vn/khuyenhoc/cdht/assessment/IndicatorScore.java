package vn.khuyenhoc.cdht.assessment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One indicator of one assessment: the self-score with its evidence note, and the verifier's score with a note.
 * Immutable: a change replaces the value, so Hibernate sees the map entry as changed.
 */
@Embeddable
class IndicatorScore {

    @Column(name = "self_score")
    private Integer selfScore;

    @Column(name = "evidence_note")
    private String evidenceNote;

    @Column(name = "verified_score")
    private Integer verifiedScore;

    @Column(name = "verifier_note")
    private String verifierNote;

    protected IndicatorScore() {
    }

    private IndicatorScore(Integer selfScore, String evidenceNote, Integer verifiedScore, String verifierNote) {
        this.selfScore = selfScore;
        this.evidenceNote = evidenceNote;
        this.verifiedScore = verifiedScore;
        this.verifierNote = verifierNote;
    }

    IndicatorScore withSelf(Integer score, String note) {
        return new IndicatorScore(score, note, verifiedScore, verifierNote);
    }

    IndicatorScore withVerified(Integer score, String note) {
        return new IndicatorScore(selfScore, evidenceNote, score, note);
    }

    boolean isEmpty() {
        return selfScore == null && evidenceNote == null && verifiedScore == null && verifierNote == null;
    }

    Integer getSelfScore() {
        return selfScore;
    }

    String getEvidenceNote() {
        return evidenceNote;
    }

    Integer getVerifiedScore() {
        return verifiedScore;
    }

    String getVerifierNote() {
        return verifierNote;
    }
}
