/**
 * Demo data and demo accounts, loaded only in demo mode ({@link vn.khuyenhoc.cdht.shared.DemoMode}; the embedded
 * database by default). Sits on top: it fills the business modules through their public services (the same checks
 * and audit as the pages), and no business module imports it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "account", "area", "assessment", "citizen", "community", "criteria", "recognition", "report", "shared"})
package vn.khuyenhoc.cdht.demo;
