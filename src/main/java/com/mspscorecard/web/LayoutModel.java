package com.mspscorecard.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs. */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LayoutModel {

    private final String currency;

    LayoutModel(@Value("${scorecard.currency:EUR}") String currency) {
        this.currency = currency;
    }

    @ModelAttribute("currency")
    String currency() {
        return currency;
    }
}
