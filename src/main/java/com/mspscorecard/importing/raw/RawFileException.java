package com.mspscorecard.importing.raw;

import java.util.List;

/**
 * A raw export that cannot be read at all. Carries a message code of {@code messages/psa-reading}
 * ({@code psa.file.*}) with its arguments, never an English sentence.
 */
public class RawFileException extends Exception {

    private final String code;
    private final transient Object[] args;

    public RawFileException(String code, Object... args) {
        super(code + " " + List.of(args));
        this.code = code;
        this.args = args.clone();
    }

    public RawFileException(Throwable cause, String code, Object... args) {
        this(code, args);
        initCause(cause);
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The same problem met while a row stream is consumed, where a checked exception cannot pass. */
    public static final class Unchecked extends RuntimeException {

        public Unchecked(RawFileException cause) {
            super(cause);
        }

        @Override
        public synchronized RawFileException getCause() {
            return (RawFileException) super.getCause();
        }
    }
}
