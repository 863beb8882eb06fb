/**
 * The audit trail: an audit line commits with the change it records.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package vn.khuyenhoc.cdht.audit;
