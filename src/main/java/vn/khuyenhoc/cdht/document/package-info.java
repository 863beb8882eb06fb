/** Printable documents: PDF from XHTML templates with embedded fonts, spreadsheets. No business rules here. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package vn.khuyenhoc.cdht.document;
