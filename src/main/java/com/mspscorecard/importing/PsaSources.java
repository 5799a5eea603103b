package com.mspscorecard.importing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.importing.raw.ColumnMapping;
import com.mspscorecard.importing.raw.DateOrder;
import com.mspscorecard.importing.raw.RawField;
import com.mspscorecard.importing.raw.RawKind;
import com.mspscorecard.importing.raw.SourceSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Named PSA sources ({@code psa_source}) with their settings, and the column mappings saved for
 * them ({@code psa_layout}), found again by the header's fingerprint. Settings and mappings are
 * JSON: they change shape with the PSA exports, not with the schema.
 */
@Repository
class PsaSources {

    record Source(long id, String name, String psa, SourceSettings settings, String createdBy, Instant createdAt,
            int version) {
    }

    record SavedLayout(long id, long sourceId, RawKind kind, String layoutId, String fingerprint, ColumnMapping mapping,
            DateOrder dateOrder) {
    }

    static final int NAME_MAX = 100;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final Clock clock;

    PsaSources(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private final RowMapper<Source> source = (rs, n) -> new Source(rs.getLong("id"), rs.getString("name"),
            rs.getString("psa"), settings(rs.getString("settings")), rs.getString("created_by"),
            rs.getTimestamp("created_at").toInstant(), rs.getInt("version"));

    private final RowMapper<SavedLayout> layout = (rs, n) -> {
        RawKind kind = RawKind.valueOf(rs.getString("kind"));
        String order = rs.getString("date_order");
        return new SavedLayout(rs.getLong("id"), rs.getLong("source_id"), kind, rs.getString("layout_id"),
                rs.getString("fingerprint"), mapping(kind, rs.getString("mapping")),
                order == null ? null : DateOrder.valueOf(order));
    };

    List<Source> all() {
        return jdbc.query("select * from psa_source order by lower(name)", source);
    }

    Optional<Source> byId(long id) {
        return jdbc.query("select * from psa_source where id = ?", source, id).stream().findFirst();
    }

    Optional<SavedLayout> layoutByFingerprint(String fingerprint) {
        return jdbc.query("select * from psa_layout where fingerprint = ?", layout, fingerprint).stream().findFirst();
    }

    List<SavedLayout> layouts(long sourceId) {
        return jdbc.query("select * from psa_layout where source_id = ? order by kind, id", layout, sourceId);
    }

    /** The first source of this PSA, so that its three kinds of export share names and tickets. */
    Optional<Source> firstOfPsa(String psa) {
        return jdbc.query("select * from psa_source where psa = ? order by id limit 1", source, psa).stream().findFirst();
    }

    /** Creates a source named {@code base}, or {@code base (2)}, {@code base (3)}… when taken. */
    Source create(String base, String psa, SourceSettings settings, String username) {
        String name = base.strip();
        if (name.length() > NAME_MAX - 5) {
            name = name.substring(0, NAME_MAX - 5).strip();
        }
        String candidate = name;
        for (int n = 2; nameTaken(candidate, -1); n++) {
            candidate = name + " (" + n + ")";
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        long id = jdbc.queryForObject("""
                insert into psa_source (name, psa, settings, created_by, created_at, updated_at)
                values (?, ?, ?::jsonb, ?, ?, ?) returning id""", Long.class, candidate, psa, json(settings), username,
                now, now);
        return byId(id).orElseThrow();
    }

    boolean nameTaken(String name, long exceptId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from psa_source where lower(name) = lower(?) and id <> ?)", Boolean.class,
                name.strip(), exceptId));
    }

    /** Renames and replaces the settings, unless someone saved the source since {@code version} was read. */
    boolean update(long id, int version, String name, SourceSettings settings) {
        return jdbc.update("""
                update psa_source set name = ?, settings = ?::jsonb, updated_at = ?, version = version + 1
                where id = ? and version = ?""", name.strip(), json(settings), Timestamp.from(Instant.now(clock)), id,
                version) == 1;
    }

    /** Saves (or replaces) the mapping for uploads with this header fingerprint. */
    void saveLayout(long sourceId, RawKind kind, String layoutId, String fingerprint, ColumnMapping mapping,
            DateOrder dateOrder, String username) {
        Timestamp now = Timestamp.from(Instant.now(clock));
        jdbc.update("""
                insert into psa_layout (source_id, kind, layout_id, fingerprint, mapping, date_order, created_by,
                    created_at, updated_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
                on conflict (fingerprint) do update set source_id = excluded.source_id, kind = excluded.kind,
                    layout_id = excluded.layout_id, mapping = excluded.mapping,
                    date_order = coalesce(excluded.date_order, psa_layout.date_order), updated_at = excluded.updated_at""",
                sourceId, kind.name(), layoutId, fingerprint, json(mapping), dateOrder == null ? null : dateOrder.name(),
                username, now, now);
    }

    /** Adds the values a preview saw to those the settings page offers (counts of the latest file win). */
    void sawValues(long sourceId, Map<String, Long> values) {
        if (values.isEmpty()) {
            return;
        }
        Map<String, Long> bounded = new LinkedHashMap<>();
        values.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(500)
                .forEach(e -> bounded.put(PsaClientNames.cut(e.getKey(), 200), e.getValue()));
        jdbc.update("update psa_source set seen_values = seen_values || ?::jsonb where id = ?",
                JSON.writeValueAsString(bounded), sourceId);
    }

    /** The values seen, most frequent first. */
    Map<String, Long> seenValues(long sourceId) {
        String json = jdbc.queryForObject("select seen_values::text from psa_source where id = ?", String.class,
                sourceId);
        Map<String, Long> values = JSON.readValue(json, new TypeReference<Map<String, Long>>() {
        });
        Map<String, Long> sorted = new LinkedHashMap<>();
        values.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()
                .thenComparing(Map.Entry.comparingByKey())).limit(500).forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static String json(SourceSettings settings) {
        return JSON.writeValueAsString(settings);
    }

    static SourceSettings settings(String json) {
        try {
            return JSON.readValue(json, SourceSettings.class);
        }
        catch (RuntimeException ex) {
            // Settings saved by an older shape: start again from the defaults rather than fail the page.
            return SourceSettings.defaults();
        }
    }

    static String json(ColumnMapping mapping) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        mapping.columns().forEach((field, column) -> columns.put(field.name(), column));
        return JSON.writeValueAsString(columns);
    }

    static ColumnMapping mapping(RawKind kind, String json) {
        Map<String, Integer> columns = JSON.readValue(json, new TypeReference<Map<String, Integer>>() {
        });
        Map<RawField, Integer> fields = new LinkedHashMap<>();
        columns.forEach((name, column) -> {
            try {
                fields.put(RawField.valueOf(name.toUpperCase(Locale.ROOT)), column);
            }
            catch (IllegalArgumentException ex) {
                // A field the reader no longer knows: the user maps it again.
            }
        });
        return new ColumnMapping(kind, fields);
    }
}
