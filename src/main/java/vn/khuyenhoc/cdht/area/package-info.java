/**
 * Administrative units: a tree of any depth with validity periods and successions. {@code UnitScope} is the one door
 * for scope: whether a unit lies in a user's subtree, who may enter data there, and the {@code Subtree} every query
 * filters by ({@code unit_tree} is the published view behind its id list).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared"})
package vn.khuyenhoc.cdht.area;
