/**
 * Citizens (minimal personal data), residence, target group, memberships, duplicates, search; {@code CitizenRules}
 * holds the field rules the form and the import share.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "area", "audit", "community", "criteria", "shared"})
package vn.khuyenhoc.cdht.citizen;
