package com.mspscorecard.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Refuses the NUL character (U+0000) in every submitted text, once for all forms and
 * parameters: PostgreSQL cannot store it in a text column, so it used to reach the database
 * and fail with a 500. Refused at binding, it becomes an ordinary field error
 * ({@code typeMismatch.java.lang.String}) on a form that keeps what was typed, and a 400 for a
 * bare parameter. The API's JSON bodies are checked by {@link JsonText}.
 */
@ControllerAdvice
class SubmittedText {

    @InitBinder
    void refuseNul(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new NulRefusingEditor());
    }

    static boolean hasNul(String text) {
        return text != null && text.indexOf('\u0000') >= 0;
    }

    /** Passes text through unchanged (no trimming: the services decide that) unless it holds a NUL. */
    static final class NulRefusingEditor extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            if (hasNul(text)) {
                throw new IllegalArgumentException("Text contains a NUL character");
            }
            setValue(text);
        }
    }
}
