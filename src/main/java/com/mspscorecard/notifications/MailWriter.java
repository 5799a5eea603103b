package com.mspscorecard.notifications;

import com.mspscorecard.notifications.internal.AlertNotice;
import com.mspscorecard.notifications.internal.DigestNotice;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

/**
 * Writes a digest or an alert as a mail in the recipient's language: the HTML part from
 * {@code templates/mail/message.html} around the notice's fragment of {@code notifications/parts}
 * (the one the notifications page shows), the
 * plain-text part from {@code templates/mail-text/<kind>.txt}. Links are absolute with
 * {@code scorecard.base-url} ({@code SCORECARD_BASE_URL}); without it they are paths and the
 * mail says so.
 */
@Component
class MailWriter {

    record Written(String subject, String text, String html) {
    }

    private final ITemplateEngine templates;

    private final MessageSource messages;

    private final String baseUrl;

    MailWriter(ITemplateEngine templates, MessageSource messages, @Value("${scorecard.base-url:}") String baseUrl) {
        this.templates = templates;
        this.messages = messages;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    Written alert(AlertNotice notice, String displayName, Locale language) {
        String subject = notice.grouped()
                ? messages.getMessage("notifications.mail.alert.subject.grouped", new Object[] { notice.items().size() },
                        language)
                : messages.getMessage("notifications.mail.alert.subject." + notice.items().get(0).cause(),
                        new Object[] { notice.items().get(0).clientName() }, language);
        return write("alert", subject, notice, displayName, language);
    }

    Written digest(DigestNotice notice, String displayName, Locale language, boolean preview) {
        String subject = messages.getMessage(preview ? "notifications.mail.digest.subject.preview"
                : "notifications.mail.digest.subject", new Object[] { notice.month() }, language);
        return write("digest", subject, notice, displayName, language);
    }

    private Written write(String kind, String subject, Object notice, String displayName, Locale language) {
        Context context = new Context(language);
        context.setVariable("notice", notice);
        context.setVariable("name", displayName);
        context.setVariable("subject", subject);
        context.setVariable("base", baseUrl);
        context.setVariable("absolute", !baseUrl.isEmpty());
        context.setVariable("kind", kind);
        return new Written(subject, templates.process("mail-text/" + kind, context),
                templates.process("mail/message", context));
    }

    /** Plain-text templates beside the HTML ones; Boot adds every resolver bean to its template engine. */
    @Configuration(proxyBeanMethods = false)
    static class TextTemplates {

        @Bean
        ITemplateResolver mailTextTemplateResolver() {
            ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
            resolver.setPrefix("templates/");
            resolver.setSuffix(".txt");
            resolver.setTemplateMode(TemplateMode.TEXT);
            resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
            resolver.setResolvablePatterns(java.util.Set.of("mail-text/*"));
            resolver.setCheckExistence(true);
            resolver.setCacheable(true);
            resolver.setOrder(0);
            return resolver;
        }
    }
}
