/**
 * Clients of the MSP: contract, terms, account manager, status. Other modules read clients
 * through {@link com.mspscorecard.clients.ClientQueries} and hear about changes that matter
 * to scoring through {@link com.mspscorecard.clients.ClientTermsChanged}. Only this module
 * inserts clients: the form and the API one at a time, {@link com.mspscorecard.clients.NewClients}
 * in bulk for an import and the demo portfolio.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Clients")
package com.mspscorecard.clients;
