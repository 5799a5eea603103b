package com.mspscorecard.importing.raw;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * The synthetic sample exports, one per preset and kind that exists, in that PSA's layout: a few clients of the
 * demo portfolio over three months, with the quirks real exports have (a credit note, a disputed invoice, a
 * reopened ticket, a Security board, a hardware invoice). Downloadable from the import page; used by the tests.
 */
public final class Samples {

    /** One sample: its layout id, and its resource on the class path. */
    public record Sample(String id, String resource) {

        public String fileName() {
            return id + ".csv";
        }

        public InputStream open() {
            InputStream in = Samples.class.getResourceAsStream("/" + resource);
            if (in == null) {
                throw new UncheckedIOException(new IOException("Missing sample " + resource));
            }
            return in;
        }
    }

    private static final List<Sample> ALL = List.of("connectwise-tickets", "connectwise-invoices", "connectwise-time",
            "autotask-tickets", "autotask-invoices", "autotask-time", "halopsa-tickets", "halopsa-invoices",
            "syncro-invoices", "generic-tickets", "generic-invoices", "generic-time").stream()
            .map(id -> new Sample(id, "importing/samples/" + id + ".csv")).toList();

    private Samples() {
    }

    public static List<Sample> all() {
        return ALL;
    }

    public static Optional<Sample> byId(String id) {
        return ALL.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
