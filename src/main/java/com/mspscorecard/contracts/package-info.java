/**
 * Contract deadlines (issue 16): for every client, the renewal date and the last day to give notice
 * of non-renewal, from its contract's end, notice period and auto-renewal; the deadlines page, the
 * dashboard card ({@code contracts/card :: deadlines}) and an iCalendar feed per user behind a
 * revocable secret. Other modules read deadlines through {@link com.mspscorecard.contracts.ContractDeadlines}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Contract deadlines")
package com.mspscorecard.contracts;
