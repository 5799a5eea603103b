package com.mspscorecard.offboarding;

/** A line of the checklist template: its due date is {@code daysBeforeExit} before the exit date. */
public record TemplateItem(Long id, int position, int daysBeforeExit, String titleEn, String titleIt) {

    String title(String language) {
        return "it".equals(language) ? titleIt : titleEn;
    }
}
