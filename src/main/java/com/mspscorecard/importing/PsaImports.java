package com.mspscorecard.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.mspscorecard.clients.ClientFacts;
import com.mspscorecard.clients.ClientQueries;
import com.mspscorecard.importing.raw.ColumnMapping;
import com.mspscorecard.importing.raw.DateOrder;
import com.mspscorecard.importing.raw.Layout;
import com.mspscorecard.importing.raw.Layouts;
import com.mspscorecard.importing.raw.RawExportReader;
import com.mspscorecard.importing.raw.RawFileException;
import com.mspscorecard.importing.raw.RawKind;
import com.mspscorecard.importing.raw.RawLimits;
import com.mspscorecard.importing.raw.RawTable;
import com.mspscorecard.importing.raw.Recognition;
import com.mspscorecard.importing.raw.SourceSettings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The flow of a raw PSA export, page and API alike: attach the upload to a source (the saved one
 * for its header, or a new one), preview it through the import's machinery, put unknown names on
 * the queue, and commit it all or nothing together with what the source learns (its clients, the
 * decisions the API asked for, the tickets' clients).
 */
@Service
class PsaImports {

    /** How a file is read: the mapping in force, the layout it came from, and the date order saved for it. */
    record Reading(ColumnMapping mapping, String layoutId, String psa, DateOrder savedDateOrder, String fingerprint,
            Optional<PsaSources.SavedLayout> saved) {
    }

    private final PsaSources sources;
    private final PsaClientNames names;
    private final PsaAnalysis analysis;
    private final ImportService imports;
    private final ClientQueries clients;
    private final TransactionTemplate tx;

    PsaImports(PsaSources sources, PsaClientNames names, PsaAnalysis analysis, ImportService imports,
            ClientQueries clients, PlatformTransactionManager transactions) {
        this.sources = sources;
        this.names = names;
        this.analysis = analysis;
        this.imports = imports;
        this.clients = clients;
        this.tx = new TransactionTemplate(transactions);
    }

    static RawTable open(PsaUploads.Upload upload) {
        try {
            return RawExportReader.open(upload.file, new RawLimits(PsaUploads.MAX_BYTES, PsaUploads.MAX_ROWS));
        }
        catch (RawFileException ex) {
            throw PsaProblem.of(ex);
        }
    }

    /** The mapping in force: the user's choice, else the one saved for this header, else the recognised one. */
    static Reading reading(PsaSources sources, List<String> headers, PsaUploads.Choices choices) {
        String fingerprint = Layouts.fingerprint(headers);
        Optional<PsaSources.SavedLayout> saved = sources.layoutByFingerprint(fingerprint);
        Recognition recognition = Layouts.recognise(headers);
        ColumnMapping mapping = choices.mapping() != null ? choices.mapping()
                : saved.map(PsaSources.SavedLayout::mapping).orElse(recognition.mapping());
        Layout layout = saved.flatMap(s -> Layouts.byId(s.layoutId())).filter(l -> l.kind() == mapping.kind())
                .orElseGet(() -> recognition.layout().kind() == mapping.kind() ? recognition.layout()
                        : bestOfKind(mapping.kind(), headers));
        DateOrder order = saved.filter(s -> s.kind() == mapping.kind()).map(PsaSources.SavedLayout::dateOrder)
                .orElse(null);
        return new Reading(mapping, layout.id(), layout.psa(), order, fingerprint, saved);
    }

    /** The layout of {@code kind} that assigns the most columns of this header. */
    static Layout bestOfKind(RawKind kind, List<String> headers) {
        Layout best = null;
        int bestCount = -1;
        for (Layout layout : Layouts.presets()) {
            if (layout.kind() != kind) {
                continue;
            }
            ColumnMapping mapping = Layouts.mappingFor(layout, headers);
            int count = mapping.columns().size() + (mapping.missingRequired().isEmpty() ? 100 : 0);
            if (count > bestCount) {
                best = layout;
                bestCount = count;
            }
        }
        return best;
    }

    /**
     * Reads the header of a fresh upload and decides its source and mapping: the ones saved for this
     * header, or (when the user named a kind or a source) those; a header seen for the first time is
     * saved for the source of the same PSA, or a new source named after the PSA.
     */
    void attach(PsaUploads.Upload upload, Long sourceId, RawKind kind, String username) {
        List<String> headers;
        try (RawTable table = open(upload)) {
            headers = table.headers();
        }
        String fingerprint = Layouts.fingerprint(headers);
        Optional<PsaSources.SavedLayout> saved = sources.layoutByFingerprint(fingerprint);
        tx.executeWithoutResult(status -> {
            Optional<PsaSources.Source> chosen = Optional.ofNullable(sourceId).flatMap(sources::byId);
            ColumnMapping mapping;
            Layout layout;
            if (saved.isPresent() && (kind == null || saved.get().kind() == kind)) {
                mapping = saved.get().mapping();
                layout = Layouts.byId(saved.get().layoutId()).orElse(bestOfKind(mapping.kind(), headers));
            }
            else {
                Recognition recognition = Layouts.recognise(headers);
                layout = kind == null || recognition.kind() == kind ? recognition.layout() : bestOfKind(kind, headers);
                mapping = layout == recognition.layout() ? recognition.mapping() : Layouts.mappingFor(layout, headers);
            }
            PsaSources.Source source = chosen
                    .or(() -> saved.flatMap(s -> sources.byId(s.sourceId())))
                    .or(() -> sources.firstOfPsa(layout.psa()))
                    .orElseGet(() -> sources.create(sourceName(layout), layout.psa(), SourceSettings.defaults(),
                            username));
            if (saved.isEmpty() || saved.get().sourceId() != source.id() || saved.get().kind() != mapping.kind()) {
                sources.saveLayout(source.id(), mapping.kind(), layout.id(), fingerprint, mapping, null, username);
            }
            upload.choices = new PsaUploads.Choices(source.id(), null, null, null, null, null);
        });
    }

    private static String sourceName(Layout layout) {
        return layout.generic() ? "PSA" : layout.psa();
    }

    /** How the best layout of {@code kind} reads this upload's header. */
    ColumnMapping mappingOfKind(PsaUploads.Upload upload, RawKind kind) {
        try (RawTable table = open(upload)) {
            return Layouts.mappingFor(bestOfKind(kind, table.headers()), table.headers());
        }
    }

    /** Saves the mapping and date order the user chose for this header, so the next upload needs neither. */
    void remember(PsaUploads.Upload upload, ColumnMapping mapping, DateOrder order, String username) {
        List<String> headers;
        try (RawTable table = open(upload)) {
            headers = table.headers();
        }
        Reading reading = reading(sources, headers, new PsaUploads.Choices(upload.choices.sourceId(), mapping, order,
                null, null, null));
        sources.saveLayout(upload.choices.sourceId(), mapping.kind(), reading.layoutId(), reading.fingerprint(),
                mapping, order, username);
    }

    ImportOutcome preview(PsaUploads.Upload upload, PsaAnalysis.Unmatched policy, ImportProgress progress) {
        PsaUploads.Choices choices = upload.choices;
        ImportOutcome outcome = imports.preview(p -> analysis.analyse(upload, choices, policy, p, false), progress);
        ImportPreview preview = outcome.preview();
        if (preview != null && preview.psa != null) {
            // The queue and the values seen are written apart from the preview's read-only transaction.
            tx.executeWithoutResult(status -> {
                names.enqueue(preview.psa.sourceId(), preview.psa.unmatched(), upload.fileName);
                sources.sawValues(preview.psa.sourceId(), preview.psa.distinctValues());
            });
        }
        return outcome;
    }

    /**
     * @param confirmedFingerprint the preview the user confirmed, or null (the API without a dry run)
     */
    ImportOutcome commit(String username, PsaUploads.Upload upload, PsaAnalysis.Unmatched policy,
            String confirmedFingerprint, ImportProgress progress) {
        PsaUploads.Choices choices = upload.choices;
        return imports.commit(username, upload.fileName, p -> analysis.analyse(upload, choices, policy, p, true),
                confirmedFingerprint, progress, preview -> learn(username, preview, policy));
    }

    /** In the commit's transaction: the source now knows the clients it wrote, and the API's decisions are kept. */
    private void learn(String username, ImportPreview preview, PsaAnalysis.Unmatched policy) {
        PsaFacts facts = preview.psa;
        long sourceId = facts.sourceId();
        List<Long> written = new ArrayList<>();
        Map<String, Long> created = new java.util.HashMap<>();
        if (!preview.clientsToCreate.isEmpty()) {
            for (ClientFacts client : clients.all()) {
                created.put(client.name().toLowerCase(Locale.ROOT), client.id());
            }
        }
        for (PreviewRow row : preview.rows) {
            if (row.clientId > 0) {
                written.add(row.clientId);
            }
            else if (row.clientId < 0) {
                Long id = created.get(preview.clientsToCreate.get((int) -row.clientId - 1).toLowerCase(Locale.ROOT));
                if (id != null) {
                    written.add(id);
                }
            }
        }
        names.rememberClients(sourceId, new java.util.LinkedHashSet<>(written));
        for (PsaFacts.Unmatched decided : facts.byPolicy()) {
            Long clientId = policy == PsaAnalysis.Unmatched.CREATE
                    ? created.get(decided.name().toLowerCase(Locale.ROOT)) : null;
            names.decide(sourceId, decided.key(), decided.name(), clientId, username);
        }
    }

    /** Decides about a name on the queue: map it to a client, or ignore it ({@code clientId} null). */
    void decide(long sourceId, String key, String name, Long clientId, String username) {
        tx.executeWithoutResult(status -> names.decide(sourceId, key, name, clientId, username));
    }
}
