package com.mspscorecard.clients;

/**
 * Published inside the transaction that changed something scoring depends on: payment terms,
 * endpoints, status, or a new client.
 */
public record ClientTermsChanged(long clientId) {
}
