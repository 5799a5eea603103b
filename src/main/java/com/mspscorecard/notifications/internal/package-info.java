/**
 * What a notification says (facts stored as JSON and shown by the templates) and a user's choices:
 * public only so that templates can read them; no other module uses them.
 */
package com.mspscorecard.notifications.internal;
