/**
 * Recognition decisions: a commune's decision that recognises the "Công dân học tập" title for a year, drafted
 * from the verified assessments and issued in one transaction through the assessment module's decisions API; the
 * printed decision, certificates and list; revocation; the public notice-board list; the per-province setting of
 * who issues and signs. Also counts collectives' members who hold the title (community's MemberTitleRates port).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "area", "assessment", "audit", "citizen", "community", "criteria", "document", "shared"})
package vn.khuyenhoc.cdht.recognition;
