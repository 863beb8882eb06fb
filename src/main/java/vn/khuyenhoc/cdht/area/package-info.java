/**
 * Administrative units: a tree of any depth with validity periods and successions; {@code Units} decides whether a
 * unit lies in a user's subtree.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "shared"})
package vn.khuyenhoc.cdht.area;
