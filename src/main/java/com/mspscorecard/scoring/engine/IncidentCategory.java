package com.mspscorecard.scoring.engine;

/** What kind of red flag a logged incident is. */
public enum IncidentCategory {
    ABUSIVE_TREATMENT,
    DISRESPECT_OF_EXPERTISE,
    UNREASONABLE_DEMANDS,
    SECURITY_NEGLIGENCE,
    ERRATIC_COMMUNICATION,
    OTHER
}
