/**
 * Documents sent outside the company (issue 16, reused by the client reports of the next issue):
 * letter templates filled by plain placeholder substitution ({@link com.mspscorecard.documents.Placeholders},
 * never evaluated as Thymeleaf or SpEL), client-safe wording of a scorecard's reasons
 * ({@link com.mspscorecard.documents.ClientSafeWording}: never conduct grades, incidents, votes or
 * "abusive"), and rendering to PDF ({@link com.mspscorecard.documents.PdfDocuments}, openhtmltopdf on PDFBox 3).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Documents")
package com.mspscorecard.documents;
