package com.mspscorecard.clients;

/** When the client pays: in advance, or within 15 to 60 days of the invoice. */
public enum PaymentTerms {
    PREPAID, NET_15, NET_30, NET_45, NET_60
}
