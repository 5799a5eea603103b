package com.mspscorecard.notifications;

import com.mspscorecard.notifications.internal.DigestNotice;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.contracts.ContractDeadlines;
import com.mspscorecard.metrics.SnapshotQueries;
import com.mspscorecard.scoring.ScorecardQueries;
import com.mspscorecard.scoring.ScorecardView;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a month's digest says: the portfolio is read once per run ({@link #of}), then cut to each
 * reader ({@link Month#forReader}): everything for an owner, their own clients for an account manager.
 */
@Component
class DigestContents {

    private static final Set<String> QUIET_VERDICTS = Set.of("KEEP", "INSUFFICIENT_DATA");

    private final ScorecardQueries scorecards;

    private final ClientQueries clients;

    private final SnapshotQueries snapshots;

    private final ContractDeadlines deadlines;

    DigestContents(ScorecardQueries scorecards, ClientQueries clients, SnapshotQueries snapshots,
            ContractDeadlines deadlines) {
        this.scorecards = scorecards;
        this.clients = clients;
        this.snapshots = snapshots;
        this.deadlines = deadlines;
    }

    /** One client's change in the scored month, with its account manager for cutting. */
    private record Line<T>(Long accountManagerId, T fact) {
    }

    /** The month's facts for the whole portfolio. */
    final class Month {

        private final YearMonth month;
        private final YearMonth scored;
        private final YearMonth figures;
        private final List<Line<DigestNotice.GradeChange>> grades = new ArrayList<>();
        private final List<Line<DigestNotice.NewDealbreaker>> dealbreakers = new ArrayList<>();
        private final List<Line<DigestNotice.NewRecommendation>> verdicts = new ArrayList<>();
        private final List<Line<DigestNotice.ClientName>> missing = new ArrayList<>();

        private Month(YearMonth month, YearMonth scored) {
            this.month = month;
            this.scored = scored;
            this.figures = month.minusMonths(1);
        }

        DigestNotice forReader(Long accountManagerId) {
            List<DigestNotice.Deadline> due = deadlines.upcoming(accountManagerId).stream()
                    .filter(row -> !row.deadline().noticePassed(deadlines.today()))
                    .map(row -> new DigestNotice.Deadline(row.clientId(), row.clientName(),
                            row.deadline().noticeBy().toString(), row.deadline().renewal().toString(), row.flagged()))
                    .toList();
            return new DigestNotice(month.toString(), scored == null ? null : scored.toString(), figures.toString(),
                    accountManagerId == null, cut(grades, accountManagerId), cut(dealbreakers, accountManagerId),
                    cut(verdicts, accountManagerId), due, cut(missing, accountManagerId));
        }

        private static <T> List<T> cut(List<Line<T>> lines, Long accountManagerId) {
            return lines.stream().filter(l -> accountManagerId == null || accountManagerId.equals(l.accountManagerId()))
                    .map(Line::fact).toList();
        }
    }

    /** @param month the month the digest is sent in: it reports the latest scored month before it */
    @Transactional(readOnly = true)
    Month of(YearMonth month) {
        YearMonth scored = scorecards.months().stream().filter(m -> m.isBefore(month)).findFirst().orElse(null);
        Month facts = new Month(month, scored);
        if (scored != null) {
            Map<Long, ScorecardView> before = new HashMap<>();
            scorecards.portfolio(scored.minusMonths(1)).scorecards().forEach(c -> before.put(c.clientId(), c));
            for (ScorecardView now : scorecards.portfolio(scored).scorecards()) {
                ScorecardView was = before.get(now.clientId());
                if (was == null) {
                    continue;
                }
                Long manager = now.accountManagerId();
                if (now.grade() != null && was.grade() != null && !now.grade().equals(was.grade())) {
                    facts.grades.add(new Line<>(manager, new DigestNotice.GradeChange(now.clientId(), now.clientName(),
                            was.grade(), now.grade(), now.grade().compareTo(was.grade()) > 0)));
                }
                Set<String> gained = new LinkedHashSet<>();
                now.dealbreakers().forEach(r -> gained.add(r.key()));
                was.dealbreakers().forEach(r -> gained.remove(r.key()));
                if (!gained.isEmpty()) {
                    facts.dealbreakers.add(new Line<>(manager, new DigestNotice.NewDealbreaker(now.clientId(),
                            now.clientName(), List.copyOf(gained))));
                }
                if (!now.recommendation().equals(was.recommendation()) && !QUIET_VERDICTS.contains(now.recommendation())) {
                    facts.verdicts.add(new Line<>(manager, new DigestNotice.NewRecommendation(now.clientId(),
                            now.clientName(), now.recommendation())));
                }
            }
        }
        List<ClientFacts> active = clients.active();
        Set<Long> reported = snapshots.ofMonth(active.stream().map(ClientFacts::id).toList(), facts.figures).keySet();
        for (ClientFacts client : active) {
            if (!reported.contains(client.id())) {
                facts.missing.add(new Line<>(client.accountManagerId(),
                        new DigestNotice.ClientName(client.id(), client.name())));
            }
        }
        return facts;
    }
}
