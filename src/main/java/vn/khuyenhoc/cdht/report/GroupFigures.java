package vn.khuyenhoc.cdht.report;

/**
 * Figures of one target group (or all, code null) over a subtree and year: registered citizens (the register as
 * it is now), assessments by state, passed (on verified scores) and recognised.
 */
public record GroupFigures(String code, String name, long registered, long assessed, long draft, long submitted,
        long verified, long returned, long recognised, long notRecognised, long passed) {
}
