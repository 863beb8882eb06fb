package vn.khuyenhoc.cdht.criteria;

import java.util.List;
import java.util.Map;

/**
 * What publishing a draft would do, shown before the admin confirms.
 *
 * @param effectiveYear  the year the draft would take effect from when published sets cover some of its years
 *                       (asked for, or the earliest that can work); null when none does
 * @param superseded     the published sets over the draft's years, each with the last year it would keep and the
 *                       assessments it already scored from the effective year on (which refuse the publish)
 * @param comparedWith   the version the changes are measured against; null when there is none
 * @param changes        what differs from it: rules, groups, competencies, indicators, wording
 * @param refusals       every reason publishing would be refused now (the draft's problems, then the years')
 */
record PublishPreview(CriteriaSetSummary draft, Integer effectiveYear, List<Supersession> superseded,
        CriteriaSetSummary comparedWith, List<CriteriaDiff.Change> changes, List<PublishCheck.Problem> refusals) {

    public boolean publishable() {
        return refusals.isEmpty();
    }

    /** The years the draft would cover once published. */
    public String yearsCovered() {
        return (effectiveYear == null ? draft.yearFrom() : effectiveYear) + "–" + draft.yearTo();
    }

    /** A published set over the draft's years and what becomes of its range. */
    record Supersession(CriteriaSetSummary set, int newYearTo, Map<Integer, Long> scoredFromEffectiveYear) {

        public boolean ends() {
            return newYearTo < set.yearTo();
        }

        /** Years the set covered beyond the draft's last year: after the change no set covers them. */
        public String uncoveredAfter(int draftYearTo) {
            return set.yearTo() > draftYearTo && ends() ? (draftYearTo + 1) + "–" + set.yearTo() : null;
        }
    }
}
