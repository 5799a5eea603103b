package com.mspscorecard.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

record SetupForm(@NotBlank @Size(max = 100) String username, @Size(max = 200) String displayName,
        @NotBlank String password, @NotBlank String confirmPassword, Boolean loadDemo,
        @Size(max = 320) String email) {

    /** An unticked checkbox sends nothing, hence a nullable flag. */
    boolean demoRequested() {
        return Boolean.TRUE.equals(loadDemo);
    }

    /** @param demoTicked the demo box starts ticked ({@code --scorecard.demo=true}) */
    static SetupForm empty(boolean demoTicked) {
        return new SetupForm("", "", "", "", demoTicked, "");
    }
}
