package com.mspscorecard.scoring.internal;

import com.mspscorecard.scoring.ModelVersion;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import com.mspscorecard.scoring.engine.ScoringModel;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** The {@code scoring_model} table. */
@Component
public class ModelRows {

    private static final RowMapper<ModelVersion> VERSION = (rs, n) -> new ModelVersion(rs.getInt("version"),
            rs.getString("status"), (Integer) rs.getObject("based_on"), rs.getString("created_by"),
            instant(rs.getTimestamp("created_at")), rs.getString("activated_by"), instant(rs.getTimestamp("activated_at")));

    private final JdbcTemplate jdbc;

    /**
     * The model last parsed, with the definition it came from: every edit rescores and reads the
     * active model, and every scorecard page reads its model, and parsing it each time cost about 3 ms
     * of a 50 ms budget. The definition is read each time and compared, so an edit is never missed.
     */
    private volatile ParsedModel lastRead;

    private record ParsedModel(int version, String definition, ScoringModel model) {
    }

    ModelRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public ScoringModel active() {
        return jdbc.queryForObject("select version, definition::text from scoring_model where status = 'ACTIVE'",
                (rs, n) -> parsed(rs.getInt(1), rs.getString(2)));
    }

    private ScoringModel parsed(int version, String definition) {
        ParsedModel last = lastRead;
        if (last == null || last.version() != version || !last.definition().equals(definition)) {
            last = new ParsedModel(version, definition, ModelCodec.read(version, definition));
            lastRead = last;
        }
        return last.model();
    }

    public int activeVersion() {
        return jdbc.queryForObject("select version from scoring_model where status = 'ACTIVE'", Integer.class);
    }

    public Optional<ScoringModel> model(int version) {
        return jdbc.query("select version, definition::text from scoring_model where version = ?",
                (rs, n) -> parsed(rs.getInt(1), rs.getString(2)), version).stream().findFirst();
    }

    public Optional<ModelVersion> version(int version) {
        return jdbc.query("select * from scoring_model where version = ?", VERSION, version).stream().findFirst();
    }

    /** Locks the row so that two owners cannot activate or edit the same draft at once. */
    public Optional<ModelVersion> lock(int version) {
        return jdbc.query("select * from scoring_model where version = ? for update", VERSION, version)
                .stream().findFirst();
    }

    public List<ModelVersion> versions() {
        return jdbc.query("select * from scoring_model order by version desc", VERSION);
    }

    public Optional<ModelVersion> draft() {
        return jdbc.query("select * from scoring_model where status = 'DRAFT'", VERSION).stream().findFirst();
    }

    public int insertDraft(ScoringModel basis, String createdBy) {
        int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from scoring_model", Integer.class);
        ScoringModel copy = new ScoringModel(version, basis.rules(), basis.dealbreakers(), basis.gradeBands(),
                basis.minimumCompleteness(), basis.worseningPoints(), basis.drainRevenueTopPercent(),
                basis.drainEffortTopPercent(), basis.targetMargin(), basis.dependencyShare());
        jdbc.update("insert into scoring_model (version, status, definition, based_on, created_by) "
                + "values (?, 'DRAFT', ?::jsonb, ?, ?)", version, ModelCodec.write(copy), basis.version(), createdBy);
        return version;
    }

    public void updateDefinition(ScoringModel model) {
        jdbc.update("update scoring_model set definition = ?::jsonb where version = ? and status = 'DRAFT'",
                ModelCodec.write(model), model.version());
    }

    public void delete(int version) {
        jdbc.update("delete from scoring_model where version = ? and status = 'DRAFT'", version);
    }

    public void activate(int version, String by) {
        jdbc.update("update scoring_model set status = 'RETIRED' where status = 'ACTIVE'");
        jdbc.update("update scoring_model set status = 'ACTIVE', activated_by = ?, activated_at = now() where version = ?",
                by, version);
    }

    private static java.time.Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
