/**
 * Evidence files (minh chứng) attached to an assessment, per indicator or for the whole form, by staff on the entry
 * and verification pages and by the citizen on the portal.
 *
 * <p>Public API: {@link vn.khuyenhoc.cdht.evidence.EvidenceFiles} stores, lists, serves and removes files;
 * {@link vn.khuyenhoc.cdht.evidence.EvidenceFile} is what pages show of one.
 *
 * <p>Decisions:
 * <ul>
 * <li>Only JPEG, PNG and PDF, judged by content (Apache Tika's magic-byte detector), never by name or the browser's
 * word. Images are decoded, downscaled and written again with {@code javax.imageio}, which keeps pixels only: EXIF
 * (camera, time, GPS position) and every other metadata block are gone. PDFs are opened with PDFBox and refused when
 * encrypted or carrying JavaScript; they are stored as sent.</li>
 * <li>Files live in PostgreSQL ({@code bytea}) beside a SHA-256 of the stored bytes, so backups, replicas and every
 * node see the same files with no shared disk.</li>
 * <li>A file is served only to staff whose scope covers the assessment's unit, and on the portal only to the citizen
 * whose assessment it belongs to; always with a {@code Content-Disposition} and {@code nosniff}.</li>
 * <li>Files follow their assessment: the foreign key deletes them with it, and a returned form keeps them.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "area", "assessment", "audit", "shared"})
package vn.khuyenhoc.cdht.evidence;
