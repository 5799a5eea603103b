/**
 * Shared web concerns: the layout's model, language switching, the dashboard shell and error pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web shell")
package com.mspscorecard.web;
