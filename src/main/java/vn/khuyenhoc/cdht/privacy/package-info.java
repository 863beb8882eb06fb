/**
 * The citizen's personal-data rights (Decree 13/2023/NĐ-CP, Law on Personal Data Protection 2025): export of
 * everything held about one person, erasure at their request, and the read audit (who opened a citizen's page or
 * assessment, or downloaded a list with names).
 *
 * <p>Every module that holds data about a citizen implements {@link vn.khuyenhoc.cdht.shared.PersonalDataHolder}
 * with SQL on its own tables; this module asks them all and so needs to know none of their tables.
 *
 * <p>Decisions:
 * <ul>
 * <li>Export and erasure are for officers whose scope covers the citizen and who may change it: the commune
 * officer and the administrator. A hamlet verifier, the province and viewers may not.</li>
 * <li>Erasure keeps the rows that counts and legal records stand on (the citizen row with birth year, gender,
 * residence and group; assessments and scores; decision lines) and removes or replaces everything that names the
 * person: the name becomes the tombstone, phone, CCCD hash and mask, evidence files and portal access go, and free
 * text that quoted the name, phone or CCCD mask (notes, reasons, the audit trail) has it replaced. The erasure is
 * audited with who, when and which record, and nothing of what was erased.</li>
 * <li>Reads are recorded after the page was served (a refused request is no read), in their own transaction.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "area", "assessment", "audit", "citizen", "document", "evidence", "portal", "shared"})
package vn.khuyenhoc.cdht.privacy;
