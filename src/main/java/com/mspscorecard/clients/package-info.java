/**
 * Clients of the MSP: contract, terms, account manager, status. Other modules read clients
 * through {@link com.mspscorecard.clients.ClientQueries} and hear about changes that matter
 * to scoring through {@link com.mspscorecard.clients.ClientTermsChanged}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients")
package com.mspscorecard.clients;
