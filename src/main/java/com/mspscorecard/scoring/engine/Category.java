package com.mspscorecard.scoring.engine;

import java.util.Locale;
import java.util.Optional;

/** The groups rules belong to; each group gets its own score on a scorecard. */
public enum Category {

    PAYMENT("payment"),
    SERVICE_LOAD("service load"),
    RELATIONSHIP("relationship"),
    SECURITY("security"),
    PROFITABILITY("profitability");

    private final String label;

    Category(String label) {
        this.label = label;
    }

    /** The name used in the database and the API: {@code service_load}. */
    public String fieldName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Plain words for sentences: "service load". */
    public String label() {
        return label;
    }

    public static Optional<Category> byFieldName(String fieldName) {
        for (Category category : values()) {
            if (category.fieldName().equals(fieldName)) {
                return Optional.of(category);
            }
        }
        return Optional.empty();
    }
}
