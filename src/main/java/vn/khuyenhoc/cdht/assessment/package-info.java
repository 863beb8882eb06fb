/**
 * Yearly assessments of the Learning Citizen title: one per citizen and year, scored by the criteria set in force
 * that year for the citizen's target group.
 *
 * <p>Public API (this package's public types): {@link vn.khuyenhoc.cdht.assessment.Assessments} starts, edits,
 * submits, verifies and returns assessments and reads them for pages;
 * {@link vn.khuyenhoc.cdht.assessment.AssessmentDecisions} lists the verified (or recognised) assessments of a unit
 * and year with the engine's verdict and applies recognition decisions; {@link
 * vn.khuyenhoc.cdht.assessment.WorkflowAction} and {@link vn.khuyenhoc.cdht.assessment.AssessmentState} are the
 * workflow's one table; the records they return are read by templates, hence public. The module implements the
 * citizen module's {@code CitizenAssessmentHistory} and the criteria module's {@code CriteriaSetUsage}.
 *
 * <p>Decisions where the sources are silent:
 * <ul>
 * <li>Scope follows the assessment's own unit (the citizen's residence when it was started), so a citizen who moves
 * does not carry last year's assessment into another commune's lists and roll-ups.</li>
 * <li>Self-scores may be saved incomplete; the totals and pass flag stay empty until every indicator is scored.
 * The digital-skills flags are set from the verified scores only, and cleared with the verification when an
 * assessment is returned.</li>
 * <li>Where the verified score differs from the self-score the verifier's note is required; both scores are kept.</li>
 * <li>Recognising needs a pass on the verified scores; revoking needs a reason and leaves NOT_RECOGNISED.</li>
 * <li>Bulk actions run each row in its own transaction and report row by row; a selected id outside the user's
 * reach refuses the whole request before anything changes.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "area", "audit", "citizen", "community", "criteria", "shared"})
package vn.khuyenhoc.cdht.assessment;
