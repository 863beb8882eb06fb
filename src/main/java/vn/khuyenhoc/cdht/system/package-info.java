/** The web shell: layout, locale, home page, error pages. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "area", "assessment", "criteria", "report", "shared"})
package vn.khuyenhoc.cdht.system;
