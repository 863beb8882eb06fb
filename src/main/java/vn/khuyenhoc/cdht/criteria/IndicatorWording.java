package vn.khuyenhoc.cdht.criteria;

/** What a citizen of one target group reads for an indicator, and the evidence (minh chứng) expected. */
public record IndicatorWording(String wording, String evidenceHint) {
}
