package com.mspscorecard.incidents;

/** What kind of red flag an incident is; the meaning of each is explained on the form. */
public enum IncidentCategory {
    ABUSIVE_TREATMENT, DISRESPECT_OF_EXPERTISE, UNREASONABLE_DEMANDS, SECURITY_NEGLIGENCE, ERRATIC_COMMUNICATION, OTHER
}
