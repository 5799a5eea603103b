/**
 * One-page client reports as PDF (issue 17, item 6): for a client and a month, an internal version
 * for owners and account managers (grade, trend, reasons, rule breakdown, incidents) and a
 * client-facing one for a quarterly business review (the service delivered, never conduct, grades,
 * incidents or votes), in English or Italian; one at a time from the scorecard page, or all of a
 * month's clients streamed as a zip. {@link com.mspscorecard.reports.ClientReports} is the API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Client reports")
package com.mspscorecard.reports;
