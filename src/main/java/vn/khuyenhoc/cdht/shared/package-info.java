/**
 * Types every module may use: the signed-in user, roles, the exceptions pages render, search folding.
 * Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package vn.khuyenhoc.cdht.shared;
