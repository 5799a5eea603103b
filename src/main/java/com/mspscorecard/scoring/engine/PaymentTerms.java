package com.mspscorecard.scoring.engine;

/** The payment terms agreed with a client; PREPAID makes any late payment a dealbreaker. */
public enum PaymentTerms {
    PREPAID, NET_15, NET_30, NET_45, NET_60
}
