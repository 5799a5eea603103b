package com.mspscorecard.numbers;

import java.beans.PropertyEditorSupport;
import java.math.BigDecimal;
import java.util.Locale;

import org.springframework.beans.PropertyAccessException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.DefaultBindingErrorProcessor;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;

/**
 * Binds a form's number fields through {@link NumberReader} in the page's language, so that a
 * form object's {@code BigDecimal} or {@code Integer} field takes {@code 2.500,00} on an Italian
 * page and {@code 2,500.00} on an English one, shows its value the same way, and a value it cannot
 * read is a field error naming the expected form (not Spring's "not a valid value").
 */
public final class NumberBinding {

    private NumberBinding() {
    }

    /** Call from an {@code @InitBinder} method: {@code fields} are BigDecimal or Integer properties. */
    public static void register(WebDataBinder binder, Locale locale, int scale, Class<?> type, String... fields) {
        NumberStyle style = NumberStyle.of(locale);
        for (String field : fields) {
            binder.registerCustomEditor(type, field, new Editor(style, scale, type));
        }
        binder.setBindingErrorProcessor(ERRORS);
    }

    /** A value that could not be read: carries the reader's problem to the binding result. */
    static final class Unreadable extends IllegalArgumentException {

        final transient NumberReading reading;

        Unreadable(NumberReading reading) {
            super(reading.problem());
            this.reading = reading;
        }
    }

    private static final class Editor extends PropertyEditorSupport {

        private final NumberStyle style;
        private final int scale;
        private final Class<?> type;

        Editor(NumberStyle style, int scale, Class<?> type) {
            this.style = style;
            this.scale = scale;
            this.type = type;
        }

        @Override
        public void setAsText(String text) {
            NumberReading reading = NumberReader.read(text, style, scale);
            if (!reading.ok()) {
                throw new Unreadable(reading);
            }
            BigDecimal value = reading.value();
            if (value == null || type == BigDecimal.class) {
                setValue(value);
                return;
            }
            try {
                setValue(value.intValueExact());
            }
            catch (ArithmeticException e) {
                throw new Unreadable(NumberReading.problem(value.stripTrailingZeros().scale() > 0
                        ? "number.wholeNumber" : "number.tooLarge", text.strip()));
            }
        }

        @Override
        public String getAsText() {
            Object value = getValue();
            return value == null ? "" : value instanceof BigDecimal d ? style.plain(d) : value.toString();
        }
    }

    private static final DefaultBindingErrorProcessor ERRORS = new DefaultBindingErrorProcessor() {
        @Override
        public void processPropertyAccessException(PropertyAccessException ex, BindingResult result) {
            Throwable cause = ex;
            while (cause != null && !(cause instanceof Unreadable)) {
                cause = cause.getCause();
            }
            if (cause instanceof Unreadable unreadable) {
                String field = ex.getPropertyName();
                String code = unreadable.reading.problem();
                result.addError(new FieldError(result.getObjectName(), field, ex.getValue(), true,
                        result.resolveMessageCodes(code, field), unreadable.reading.args().toArray(), code));
                return;
            }
            super.processPropertyAccessException(ex, result);
        }
    };
}
