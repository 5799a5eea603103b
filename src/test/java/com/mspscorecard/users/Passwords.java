package com.mspscorecard.users;

import java.nio.charset.StandardCharsets;

/** Passwords that cross bcrypt's 72-byte limit while staying within the 128 characters the README allows. */
final class Passwords {

    /** 100 characters, 160 bytes in UTF-8: emoji are 4 bytes each. */
    static final String LONG = "🦊🐙🌋🎻🧭🪁🛶🌵🍋🐝 " + "orange foxes row canoes past the volcano while "
            + "bees hum a violin tune" + "🦊🐙🌋🎻🧭🪁🛶🌵🍋🐝".repeat(2);

    /** {@link #LONG} cut to its first 72 bytes: what bcrypt alone would silently have compared. */
    static final String LONG_FIRST_72_BYTES = new String(LONG.getBytes(StandardCharsets.UTF_8), 0, 72,
            StandardCharsets.UTF_8);

    private Passwords() {
    }

    static String ofCodePoints(int n) {
        StringBuilder out = new StringBuilder();
        String alphabet = "🦊a🐙b🌋c🎻d🧭e";
        int[] points = alphabet.codePoints().toArray();
        for (int i = 0; i < n; i++) {
            out.appendCodePoint(points[i % points.length]);
        }
        return out.toString();
    }
}
