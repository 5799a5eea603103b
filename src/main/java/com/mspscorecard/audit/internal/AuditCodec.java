package com.mspscorecard.audit.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import com.mspscorecard.audit.AuditEvent.FieldChange;
import com.mspscorecard.audit.AuditEvent.Word;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stored form of an event's arguments and field changes (jsonb). Each argument keeps its type,
 * so that a count can choose a plural and a month can be shown in the reader's date style: a string
 * is a JSON string, a whole number a JSON number, the others an object with one key ({@code n}
 * decimal, {@code d} date, {@code m} month, {@code w} a bundle key).
 */
public final class AuditCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AuditCodec() {
    }

    public static String encodeArgs(List<Object> args) {
        ArrayNode array = JSON.createArrayNode();
        for (Object arg : args) {
            if (arg instanceof String s) {
                array.add(storable(s));
            }
            else if (arg instanceof Integer || arg instanceof Long) {
                array.add(((Number) arg).longValue());
            }
            else if (arg instanceof BigDecimal d) {
                array.addObject().put("n", d.toPlainString());
            }
            else if (arg instanceof LocalDate || arg instanceof YearMonth) {
                array.addObject().put(arg instanceof LocalDate ? "d" : "m", arg.toString());
            }
            else if (arg instanceof Word w) {
                array.addObject().put("w", w.key());
            }
            else {
                throw new IllegalArgumentException("Not an audit argument: " + arg.getClass());
            }
        }
        return JSON.writeValueAsString(array);
    }

    public static List<Object> decodeArgs(String json) {
        List<Object> args = new ArrayList<>();
        if (json == null) {
            return args;
        }
        for (JsonNode node : JSON.readTree(json)) {
            if (node.isString()) {
                args.add(node.asString());
            }
            else if (node.isIntegralNumber()) {
                args.add(node.asLong());
            }
            else if (node.has("n")) {
                args.add(new BigDecimal(node.get("n").asString()));
            }
            else if (node.has("d")) {
                args.add(LocalDate.parse(node.get("d").asString()));
            }
            else if (node.has("m")) {
                args.add(YearMonth.parse(node.get("m").asString()));
            }
            else if (node.has("w")) {
                args.add(new Word(node.get("w").asString()));
            }
            else {
                args.add(node.toString());
            }
        }
        return args;
    }

    public static String encodeChanges(List<FieldChange> changes) {
        ArrayNode array = JSON.createArrayNode();
        for (FieldChange change : changes) {
            ObjectNode node = array.addObject();
            node.put("field", change.field());
            node.put("old", storable(change.oldValue()));
            node.put("new", storable(change.newValue()));
        }
        return JSON.writeValueAsString(array);
    }

    public static List<FieldChange> decodeChanges(String json) {
        List<FieldChange> changes = new ArrayList<>();
        if (json == null) {
            return changes;
        }
        for (JsonNode node : JSON.readTree(json)) {
            changes.add(new FieldChange(node.get("field").asString(), text(node.get("old")), text(node.get("new"))));
        }
        return changes;
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }

    /** PostgreSQL's jsonb holds no NUL character; the forms refuse it, a file name might carry one. */
    private static String storable(String text) {
        return text == null ? null : text.replace('\u0000', '\uFFFD');
    }

    public static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
