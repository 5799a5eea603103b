/**
 * Red-flag incidents logged by any user about a client. Other modules read them through
 * {@link com.mspscorecard.incidents.IncidentQueries} and hear of changes through
 * {@link com.mspscorecard.incidents.IncidentsChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Red-flag incidents")
package com.mspscorecard.incidents;
