package com.mspscorecard.importing.raw;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTests {

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            2026-03-05               | ISO         | 2026-03-05
            2026-03-05               | DAY_FIRST   | 2026-03-05
            2026-03-05T14:30:00Z     | ISO         | 2026-03-05
            2026-03-05T14:30:00.000Z | MONTH_FIRST | 2026-03-05
            2026-03-05 14:30         | ISO         | 2026-03-05
            2026/03/05               | ISO         | 2026-03-05
            05/03/2026               | DAY_FIRST   | 2026-03-05
            05/03/2026               | MONTH_FIRST | 2026-05-03
            05/03/2026 23:59         | DAY_FIRST   | 2026-03-05
            3/5/2026 2:30 PM         | MONTH_FIRST | 2026-03-05
            25/03/2026               | DAY_FIRST   | 2026-03-25
            25/03/2026               | MONTH_FIRST | null
            25/03/2026               | ISO         | 2026-03-25
            05.03.2026               | DAY_FIRST   | 2026-03-05
            05-03-2026               | DAY_FIRST   | 2026-03-05
            05/03/26                 | DAY_FIRST   | 2026-03-05
            5-Mar-2026               | ISO         | 2026-03-05
            5 March 2026             | ISO         | 2026-03-05
            Mar 5, 2026              | ISO         | 2026-03-05
            Mar 5, 2026 10:15 AM     | ISO         | 2026-03-05
            46086                    | ISO         | 2026-03-05
            46086.604166             | ISO         | 2026-03-05
            20260305                 | ISO         | 2026-03-05
            05/03/2026               | ISO         | null
            03/03/2026               | ISO         | 2026-03-03
            31/02/2026               | DAY_FIRST   | null
            2026-13-01               | ISO         | null
            hello                    | ISO         | null
            12                       | ISO         | null
            05/03/2026x              | DAY_FIRST   | null
            """)
    void readsDatesInEveryWrittenForm(String text, DateOrder order, LocalDate expected) {
        assertThat(RawDates.parse(text, order)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            05/03/2026;25/03/2026;                 | DAY_FIRST   | false
            03/05/2026;03/25/2026                  | MONTH_FIRST | false
            05/03/2026;06/04/2026;12/12/2026       | null        | true
            25/03/2026;03/25/2026                  | null        | true
            2026-03-05;2026-12-31                  | ISO         | false
            2026-03-05;05/03/2026                  | null        | true
            46086;2026-03-05                       | ISO         | false
            ;                                      | ISO         | false
            """)
    void guessesTheOrderOnlyWhenADateProvesIt(String samples, DateOrder expected, boolean ambiguous) {
        DateOrderGuess guess = DateOrderDetection.guess(Stream.concat(Arrays.stream(samples.split(";")), Stream.of("")));

        assertThat(guess).isEqualTo(new DateOrderGuess(Optional.ofNullable(expected), ambiguous));
    }
}
