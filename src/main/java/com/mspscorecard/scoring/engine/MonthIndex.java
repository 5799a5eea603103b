package com.mspscorecard.scoring.engine;

import java.time.YearMonth;

/**
 * A month as a whole number (months since year 0), so that windows are index arithmetic: the
 * engine's histories and the portfolio's figures count months the same way.
 */
public final class MonthIndex {

    private MonthIndex() {
    }

    public static int of(YearMonth month) {
        return month.getYear() * 12 + month.getMonthValue() - 1;
    }

    public static YearMonth month(int index) {
        return YearMonth.of(Math.floorDiv(index, 12), Math.floorMod(index, 12) + 1);
    }
}
