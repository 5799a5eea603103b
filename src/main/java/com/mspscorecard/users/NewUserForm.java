package com.mspscorecard.users;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

record NewUserForm(@NotBlank @Size(max = 100) String username, @Size(max = 200) String displayName,
        @NotNull Role role, @NotBlank String password, @Size(max = 320) String email) {

    static NewUserForm empty() {
        return new NewUserForm("", "", Role.STAFF, "", "");
    }
}
