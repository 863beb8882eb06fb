/**
 * Citizens self-assess on their own phone, without a staff account or a shared password.
 *
 * <p>Staff issue an invitation per citizen (or for everyone living in a hamlet or commune): a one-time code of 10
 * characters (no 0/O/1/I), stored only as its SHA-256, valid {@code cdht.portal.invitation-validity} (30 days),
 * revocable; a new invitation revokes the citizen's older open ones. The code is shown once, right after issuing,
 * on a page and on printable slips (PDF, eight per A4 page, with a QR code of the link {@code /c/i/<code>}); it is
 * kept sealed (AES-GCM) in the database for 30 minutes, reachable only from the issuing staff member's session
 * ({@link vn.khuyenhoc.cdht.portal.IssuedCodes}).
 *
 * <p>The citizen proves who they are with the code and their birth year (the code is then used up), and comes
 * back later with a bookmarkable magic link (random 256-bit token, hashed, 180 days) or with the short reference
 * printed on the slip (6 characters, not secret) plus a PIN of 4 to 6 digits they chose (bcrypt). Wrong answers are
 * throttled per invitation, per reference and per client address (Bucket4j token buckets in the database,
 * shared with the staff login: a slow-down, and a valid magic link or correct PIN always gets in). Citizen sessions are separate
 * from staff sessions (own cookie, own table, own security chain for {@code /c/**}); every citizen page works on the
 * signed-in citizen's own assessment only, through the assessment module's {@code SelfAssessments}.
 *
 * <p>Before the self-assessment the citizen reads the privacy notice in force (versioned, edited by the
 * administrator, {@link vn.khuyenhoc.cdht.portal.PrivacyNotices}) and consents; consents and withdrawals are logged
 * with the notice version, time and channel ({@link vn.khuyenhoc.cdht.portal.PortalConsent}, which also implements
 * the assessment module's {@code SelfAssessmentConsent} port: while consent is withdrawn staff may not submit or
 * verify what the citizen typed).
 *
 * <p>Staff see the invitations of their subtree with their status and the share of online self-assessments per
 * unit, which feeds the "digitally proficient" indicator.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "area", "assessment", "audit", "citizen", "community", "criteria", "document", "evidence", "recognition", "shared"})
package vn.khuyenhoc.cdht.portal;
