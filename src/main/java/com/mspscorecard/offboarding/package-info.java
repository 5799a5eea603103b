/**
 * Offboarding cases (issue 16): the owner opens one from a client's scorecard with the decision,
 * the reasons, the exit date the contract allows and a draft notice letter; the client becomes
 * {@code OFFBOARDING}; a checklist from the editable template is worked by account managers and
 * the staff it is assigned to; completing it makes the client {@code OFFBOARDED} on the exit date,
 * withdrawing it makes the client {@code ACTIVE} again. Every step is audited.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Offboarding cases")
package com.mspscorecard.offboarding;
