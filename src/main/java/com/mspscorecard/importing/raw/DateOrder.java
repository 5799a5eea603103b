package com.mspscorecard.importing.raw;

/** How the day and month of a slashed date are ordered: {@code 2024-03-05}, {@code 05/03/2024}, {@code 03/05/2024}. */
public enum DateOrder {
    ISO, DAY_FIRST, MONTH_FIRST
}
