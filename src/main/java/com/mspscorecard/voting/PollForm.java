package com.mspscorecard.voting;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

/** The owner's "new poll" form. */
record PollForm(@NotBlank @Size(max = 200) String title,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate opensOn,
        @NotNull @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate closesOn,
        @NotNull @Min(1) @Max(10) Integer picks) {

    static final int DEFAULT_PICKS = 5;

    /** A year's poll opening today for two weeks. */
    static PollForm startingOn(LocalDate today) {
        return new PollForm("Worst five clients " + today.getYear(), today, today.plusWeeks(2), DEFAULT_PICKS);
    }
}
