package com.mspscorecard.web;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.thymeleaf.spring6.view.ThymeleafViewResolver;

/**
 * A template fragment rendered to text within the current request, exactly as the page would
 * render it in place (same model, locale, security expressions and links), for a page that keeps a
 * costly section rendered until its data changes. The text is the template engine's own escaped
 * output: a page inserts it unescaped, and nothing else may be inserted that way.
 */
@Component
public class FragmentText {

    private final ThymeleafViewResolver views;

    FragmentText(ThymeleafViewResolver views) {
        this.views = views;
    }

    /** {@code fragment} as a view name: {@code "dashboard/scorecard :: scorecard"}. */
    public String render(String fragment, Map<String, ?> model, Locale locale, HttpServletRequest request,
                         HttpServletResponse response) {
        StringWriter text = new StringWriter(32 * 1024);
        PrintWriter writer = new PrintWriter(text);
        try {
            View view = views.resolveViewName(fragment, locale);
            if (view == null) {
                throw new IllegalStateException("No view " + fragment);
            }
            view.render(model, request, new HttpServletResponseWrapper(response) {
                @Override
                public PrintWriter getWriter() {
                    return writer;
                }

                @Override
                public ServletOutputStream getOutputStream() {
                    throw new IllegalStateException("a fragment is written as text");
                }

                @Override
                public void flushBuffer() {
                    writer.flush();
                }

                @Override
                public boolean isCommitted() {
                    return false;
                }
            });
        }
        catch (RuntimeException e) {
            throw e;
        }
        catch (Exception e) {
            throw new IllegalStateException("Could not render " + fragment, e);
        }
        writer.flush();
        return text.toString();
    }
}
