/**
 * Roll-ups by unit, year and target group against the national targets, dashboards, forecasts, maps and printable
 * reports; targets, populations and boundaries as data.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "area", "assessment", "audit", "citizen", "community", "criteria", "document", "shared"})
package vn.khuyenhoc.cdht.report;
