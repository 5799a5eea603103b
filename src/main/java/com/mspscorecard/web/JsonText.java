package com.mspscorecard.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The API's half of {@link SubmittedText}: a JSON string holding U+0000 is refused while the
 * body is read, so the caller gets a 400 problem naming the field instead of a database error.
 */
@Configuration(proxyBeanMethods = false)
class JsonText {

    @Bean
    JacksonModule nulRefusingStrings() {
        return new SimpleModule("nul-refusing-strings").addDeserializer(String.class, new NulRefusingString());
    }

    static final class NulRefusingString extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String text = super.deserialize(parser, context);
            if (SubmittedText.hasNul(text)) {
                return (String) context.handleWeirdStringValue(String.class, text,
                        "contains a NUL character (U+0000), which cannot be stored");
            }
            return text;
        }
    }
}
