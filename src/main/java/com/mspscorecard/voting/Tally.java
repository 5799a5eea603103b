package com.mspscorecard.voting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Borda count of one poll, built from aggregated counts only (how many ballots put which client
 * at which rank), never from individual ballots. A pick at rank r of a poll with p picks per
 * ballot scores p − r + 1 points.
 */
record Tally(int ballots, long totalPoints, List<Line> lines) {

    /** How many ballots named {@code clientId} at {@code rank}. */
    record RankCount(long clientId, int rank, int count) {
    }

    /** One client's result; {@code share} is its part of all points, 0..1. */
    record Line(long clientId, long points, int ballots, BigDecimal share) {
    }

    static final int SHARE_SCALE = 6;

    Tally {
        lines = List.copyOf(lines);
    }

    static Tally of(int picks, int ballots, Collection<RankCount> counts) {
        Map<Long, long[]> byClient = new HashMap<>();
        for (RankCount c : counts) {
            if (c.rank() < 1 || c.rank() > picks) {
                throw new IllegalArgumentException("rank " + c.rank() + " outside 1.." + picks);
            }
            long[] sums = byClient.computeIfAbsent(c.clientId(), id -> new long[2]);
            sums[0] += (long) c.count() * (picks - c.rank() + 1);
            sums[1] += c.count();
        }
        long total = byClient.values().stream().mapToLong(s -> s[0]).sum();
        List<Line> lines = byClient.entrySet().stream()
                .map(e -> new Line(e.getKey(), e.getValue()[0], (int) e.getValue()[1], share(e.getValue()[0], total)))
                .sorted(Comparator.comparingLong(Line::points).reversed()
                        .thenComparing(Comparator.comparingInt(Line::ballots).reversed())
                        .thenComparingLong(Line::clientId))
                .toList();
        return new Tally(ballots, total, lines);
    }

    private static BigDecimal share(long points, long total) {
        return total == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(points).divide(BigDecimal.valueOf(total), SHARE_SCALE, RoundingMode.HALF_EVEN);
    }

    Map<Long, BigDecimal> shareByClient() {
        Map<Long, BigDecimal> shares = new HashMap<>();
        lines.stream().filter(l -> l.points() > 0).forEach(l -> shares.put(l.clientId(), l.share()));
        return shares;
    }
}
