/**
 * The audit trail: who changed what and when. Other modules call {@link com.mspscorecard.audit.AuditTrail}
 * inside the transaction of the change, so an audit row exists exactly when its change does.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail")
package com.mspscorecard.audit;
