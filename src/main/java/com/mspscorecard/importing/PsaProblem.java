package com.mspscorecard.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.mspscorecard.importing.raw.RawFileException;
import org.springframework.context.MessageSource;

/**
 * A raw export that cannot be previewed as a whole (unreadable, wrong kind, a required column
 * missing). Carries a message code and its arguments; the sentence is written when read, in the
 * reader's language, and in English for the API.
 */
final class PsaProblem extends RuntimeException {

    private final String code;
    private final List<Object> args;

    PsaProblem(String code, Object... args) {
        super(code, null, false, false);
        this.code = code;
        this.args = Arrays.stream(args).map(a -> a == null ? "" : a).toList();
    }

    static PsaProblem of(RawFileException ex) {
        return new PsaProblem(ex.code(), ex.args());
    }

    String code() {
        return code;
    }

    List<Object> args() {
        return args;
    }

    ImportOutcome.FileProblem fileProblem(MessageSource messages) {
        String english = messages.getMessage(code, args.toArray(), code, Locale.ENGLISH);
        return new ImportOutcome.FileProblem(code, english, code, args);
    }
}
