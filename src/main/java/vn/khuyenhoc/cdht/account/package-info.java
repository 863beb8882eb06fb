/**
 * Staff accounts bound to one unit, roles, form login, lockout, forced password change, first-admin setup, account
 * pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"area", "audit", "shared"})
package vn.khuyenhoc.cdht.account;
