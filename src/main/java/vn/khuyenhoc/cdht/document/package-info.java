/** Printable documents: PDF from XHTML templates with embedded fonts, spreadsheets. No business rules here. */
package vn.khuyenhoc.cdht.document;
