package com.mspscorecard.contracts;

import java.time.LocalDate;
import java.time.Period;

import com.mspscorecard.clients.ContractTerms;

/**
 * A client's contract deadlines as of a day. Computed, never stored: a contract edit moves them.
 *
 * @param renewal  the next renewal date on or after today (the contract's end, rolled forward by
 *                 its term while it renews on its own); null when {@link #problem} is set
 * @param noticeBy the last day to give notice of non-renewal for {@code renewal}
 * @param nextExit the earliest day the client can leave while respecting the notice period
 * @param problem  why no deadline can be given; null when there is one
 */
public record ContractDeadline(ContractTerms contract, LocalDate renewal, LocalDate noticeBy, LocalDate nextExit,
        Problem problem) {

    /** Why a deadline cannot be given: never guessed. */
    public enum Problem {
        /** No end date or no notice period. */
        MISSING_END_OR_NOTICE,
        /** It renews on its own, its end date has passed and without a start date its term is unknown. */
        MISSING_START,
        /** It does not renew on its own and its end date has passed. */
        ENDED
    }

    public static ContractDeadline of(ContractTerms contract, LocalDate today) {
        LocalDate end = contract.contractEnd();
        Integer notice = contract.noticePeriodDays();
        if (end == null || notice == null) {
            return problem(contract, Problem.MISSING_END_OR_NOTICE);
        }
        Period term = contract.contractStart() == null || !contract.contractStart().isBefore(end) ? null
                : Period.between(contract.contractStart(), end);
        LocalDate renewal = end;
        if (renewal.isBefore(today)) {
            if (!contract.autoRenew()) {
                return problem(contract, Problem.ENDED);
            }
            if (term == null) {
                return problem(contract, Problem.MISSING_START);
            }
            renewal = rolled(end, term, today);
        }
        LocalDate noticeBy = renewal.minusDays(notice);
        LocalDate nextExit = renewal;
        if (noticeBy.isBefore(today) && contract.autoRenew()) {
            // Too late for this renewal: notice given today ends the contract at the one after.
            nextExit = term == null ? null : after(end, term, renewal);
            if (nextExit != null && nextExit.minusDays(notice).isBefore(today)) {
                nextExit = after(end, term, nextExit);
            }
        }
        return new ContractDeadline(contract, renewal, noticeBy, nextExit, null);
    }

    /** Whether today is past the last day to give notice for the next renewal. */
    public boolean noticePassed(LocalDate today) {
        return noticeBy != null && noticeBy.isBefore(today);
    }

    public boolean renews() {
        return contract.autoRenew();
    }

    private static ContractDeadline problem(ContractTerms contract, Problem problem) {
        return new ContractDeadline(contract, null, null, null, problem);
    }

    /** The first of end, end + term, end + 2 terms … that is on or after {@code today}. */
    private static LocalDate rolled(LocalDate end, Period term, LocalDate today) {
        LocalDate date = end;
        for (int k = 1; date.isBefore(today); k++) {
            date = end.plus(term.multipliedBy(k));
        }
        return date;
    }

    private static LocalDate after(LocalDate end, Period term, LocalDate renewal) {
        LocalDate date = end;
        for (int k = 1; !date.isAfter(renewal); k++) {
            date = end.plus(term.multipliedBy(k));
        }
        return date;
    }
}
