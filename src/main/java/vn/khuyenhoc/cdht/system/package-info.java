/** The web shell: layout, locale, home page, error pages. */
package vn.khuyenhoc.cdht.system;
