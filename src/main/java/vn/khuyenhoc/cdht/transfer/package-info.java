/**
 * Excel/CSV import and export of citizens and assessments: parses, matches and reports; the rules and writes are the
 * owning modules'.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "area", "assessment", "audit", "citizen", "community", "criteria", "shared"})
package vn.khuyenhoc.cdht.transfer;
