/**
 * Criteria sets as versioned data, and the scoring engine.
 *
 * <p>Public API (this package's public types): {@link vn.khuyenhoc.cdht.criteria.CriteriaCatalog} reads target
 * groups and published sets and scores by the set an assessment names; {@link vn.khuyenhoc.cdht.criteria.ScoringEngine}
 * is the pure engine behind it; {@link vn.khuyenhoc.cdht.criteria.CriteriaSetUsage} lets a module that refers to sets
 * veto the deletion of a draft. Everything else is package-private.
 *
 * <p>Decisions where the sources are silent:
 * <ul>
 * <li>A set is DRAFT, PUBLISHED or RETIRED. Only drafts change; a change to a published set is a new version (a copy).
 * A retired set takes no new assessment but still scores the ones made under it.</li>
 * <li>The set in force for a year is the most recently published set whose years include it, so a new version takes
 * over from the old one for the years both cover.</li>
 * <li>Target groups are a catalogue (code fixed, name editable); each set lists the groups it has a form for, and
 * the wording and evidence hint of each indicator per group.</li>
 * <li>A "mandatory indicator" is an indicator with its own required score ({@code mandatory_min}), checked on top of
 * the minimum per indicator.</li>
 * <li>The digital flags are computed whether or not the assessment passes, and independently of each other:
 * "proficient" through the online channel does not imply "has digital skills" (domain.md section 4, literally).</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared"})
package vn.khuyenhoc.cdht.criteria;
