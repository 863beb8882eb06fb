/**
 * Collectives with a yearly recognition status (households, clans, hamlet learning communities, learning units);
 * {@code UnitScope}, who may enter data where.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"area", "audit", "shared"})
package vn.khuyenhoc.cdht.community;
