package com.mspscorecard.scoring.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * The client's share of all points in the latest staff poll closed within the window; a smaller
 * share is better. No data while no poll closed in the window.
 */
final class StaffVoteRule implements Rule {

    @Override
    public String key() {
        return "staff_vote";
    }

    @Override
    public Category category() {
        return Category.RELATIONSHIP;
    }

    @Override
    public Quantity quantity() {
        return Quantity.FRACTION;
    }

    @Override
    public String subject() {
        return "staff vote";
    }

    @Override
    public BigDecimal value(ClientHistory history, YearMonth month, int windowMonths) {
        Map.Entry<LocalDate, BigDecimal> poll = poll(history, month, windowMonths);
        return poll == null ? null : poll.getValue();
    }

    @Override
    public LocalDate pollClosedOn(ClientHistory history, YearMonth month, int windowMonths) {
        Map.Entry<LocalDate, BigDecimal> poll = poll(history, month, windowMonths);
        return poll == null ? null : poll.getKey();
    }

    private static Map.Entry<LocalDate, BigDecimal> poll(ClientHistory history, YearMonth month, int windowMonths) {
        Window window = Window.of(history, month, windowMonths);
        Map.Entry<LocalDate, BigDecimal> poll = history.closedPolls().floorEntry(window.lastDay());
        return poll == null || poll.getKey().isBefore(window.firstDay()) ? null : poll;
    }

    @Override
    public String words(BigDecimal share, int windowMonths, LocalDate pollClosedOn) {
        return quantity().format(share) + " of all points in the staff poll closed on " + pollClosedOn;
    }

    @Override
    public String noDataWords(int windowMonths) {
        return "No data for staff vote: no poll closed " + Window.inTheLast(windowMonths);
    }
}
