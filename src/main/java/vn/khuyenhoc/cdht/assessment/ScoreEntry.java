package vn.khuyenhoc.cdht.assessment;

/**
 * What a person enters for one indicator: a score (null while not scored yet) and a note: the evidence note
 * beside a self-score, the verifier's note beside a verified score.
 */
public record ScoreEntry(Integer score, String note) {
}
