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

    /** Computed once: every stored scorecard read asks for its categories' names. */
    private final String fieldName;

    Category(String label) {
        this.label = label;
        this.fieldName = name().toLowerCase(Locale.ROOT);
    }

    /** The name used in the database and the API: {@code service_load}. */
    public String fieldName() {
        return fieldName;
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
