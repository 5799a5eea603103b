package com.mspscorecard.scoring.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A plain English sentence, with a stable {@code code} and its {@code args} so that a page can
 * translate it later. The text is what users read today.
 */
public record Explanation(String code, List<Object> args, String text) {

    public Explanation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(text, "text");
        args = args == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(args));
    }

    static Explanation of(String code, String text, Object... args) {
        return new Explanation(code, Arrays.asList(args), text);
    }

    @Override
    public String toString() {
        return text;
    }
}
