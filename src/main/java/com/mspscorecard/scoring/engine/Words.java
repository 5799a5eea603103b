package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;

/** Small pieces of English shared by the rules and dealbreakers. */
final class Words {

    private Words() {
    }

    /** "1 late payment", "3 late payments". */
    static String count(BigDecimal count, String singular, String plural) {
        return Quantity.COUNT.format(count) + " " + (count.compareTo(BigDecimal.ONE) == 0 ? singular : plural);
    }

    static String count(int count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
