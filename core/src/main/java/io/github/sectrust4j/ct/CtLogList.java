package io.github.sectrust4j.ct;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * An immutable CT log list, looked up by log id (spec §8.4). Pending and rejected logs are kept so a
 * report can name them, but they are not trusted: {@link #trusted(LogId)} never returns them, exactly
 * as if iOS had omitted them.
 */
public final class CtLogList {
    private static final String CALLER_SUPPLIED = "caller-supplied log list";
    private static final CtLogList EMPTY = new CtLogList(0, () -> Logs.NONE, CALLER_SUPPLIED, Optional.empty());

    /** Made when a list is read from JSON text: a Jackson mapper costs a tenth of a CLI start. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    /** The logs and their index by id. */
    private record Logs(ImmutableList<CtLog> list, ImmutableMap<LogId, CtLog> byId) {
        static final Logs NONE = new Logs(ImmutableList.of(), ImmutableMap.of());
    }

    private final int size;
    /**
     * The logs, made on first use: a bundled store's list is converted (a SHA-256 per log key, its id)
     * only when an SCT is looked up or the logs are listed; a chain without SCTs needs only the size and date.
     */
    private final Supplier<Logs> logs;
    /** Where the list comes from, in words ("Apple trust store 2025072000 (log list version 375)"). */
    private final String source;
    /** When the list was known to be current, if known: the age that makes an unknown log suspicious. */
    private final Optional<Instant> date;

    private CtLogList(int size, Supplier<Logs> logs, String source, Optional<Instant> date) {
        this.size = size;
        this.logs = logs;
        this.source = source;
        this.date = date;
    }

    public static CtLogList empty() {
        return EMPTY;
    }

    /**
     * A list of these logs. If a log id occurs twice, a trusted entry wins over an untrusted one, and
     * otherwise the first entry wins.
     */
    public static CtLogList of(Collection<CtLog> logs) {
        Logs l = index(logs);
        return new CtLogList(l.list().size(), () -> l, CALLER_SUPPLIED, Optional.empty());
    }

    private static Logs index(Collection<CtLog> logs) {
        requireNonNull(logs, "logs");
        Map<LogId, CtLog> byId = new LinkedHashMap<>();
        for (CtLog log : logs) {
            requireNonNull(log, "log");
            CtLog prior = byId.get(log.logId());
            if (prior == null || (!prior.state().isTrusted() && log.state().isTrusted())) {
                byId.put(log.logId(), log);
            }
        }
        return new Logs(ImmutableList.copyOf(logs), ImmutableMap.copyOf(byId));
    }

    /**
     * These logs, labelled with where they come from and the instant the list was known to be current
     * (its publication or download time), shown in reports and used to tell an out-of-date list (§8.4).
     */
    public CtLogList withSource(String source, Instant date) {
        return new CtLogList(size, logs, requireNonNull(source, "source"), Optional.ofNullable(date));
    }

    /** Where this list comes from, in words. */
    public String source() {
        return source;
    }

    /** When this list was known to be current, if known (not for lists written by hand). */
    public Optional<Instant> date() {
        return date;
    }

    /**
     * Builds a list from the {@code ctLogs} of a batch request (BATCH-CONTRACT.md): an array
     * {@code [{key: base64 SPKI, operator, description?, state?: usable|readonly|retired|rejected,
     * stateTimestamp?: ISO-8601}]}, or — told apart by content — a whole log list in the JSON format Apple
     * publishes as its current list (an object with {@code operators[].logs[]}, {@link PublishedLogLists}).
     *
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    static CtLogList fromRequestJson(JsonNode ctLogs) {
        if (ctLogs != null && ctLogs.isObject() && ctLogs.has("operators")) {
            return PublishedLogLists.fromJson(ctLogs);
        }
        if (ctLogs == null || !ctLogs.isArray()) {
            throw new IllegalArgumentException("ctLogs must be an array of {key, operator, description?, state?, "
                    + "stateTimestamp?} or a log list in Apple's published format (an object with operators)");
        }
        ImmutableList.Builder<CtLog> out = ImmutableList.builder();
        for (int i = 0; i < ctLogs.size(); i++) {
            out.add(logFromRequestJson(ctLogs.get(i), "ctLogs[" + i + "]"));
        }
        return of(out.build());
    }

    /** As {@link #fromRequestJson(JsonNode)}, from JSON text (the exported form: no Jackson type in the API). */
    public static CtLogList fromRequestJson(String ctLogsJson) {
        try {
            return fromRequestJson(Json.MAPPER.readTree(requireNonNull(ctLogsJson, "ctLogsJson")));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("ctLogs is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static CtLog logFromRequestJson(JsonNode n, String where) {
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException(where + " is not an object");
        }
        JsonNode key = n.get("key");
        if (key == null || key.isNull()) {
            throw new IllegalArgumentException(where + ".key (base64 SubjectPublicKeyInfo) is missing");
        }
        if (!key.isTextual()) {
            throw new IllegalArgumentException(where + ".key: expected a base64 SubjectPublicKeyInfo string");
        }
        byte[] spki = spkiFromRequestJson(key.asText(), where + ".key");
        JsonNode op = n.get("operator");
        if (op == null || !op.isTextual()) {
            throw new IllegalArgumentException(where + ".operator is missing");
        }
        String operator = op.asText();
        String description = text(n, "description").orElse(operator + " log " + LogId.ofSpki(spki));
        CtLogState state;
        try {
            state = text(n, "state").map(CtLogState::fromName).orElse(CtLogState.USABLE);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ".state: " + e.getMessage(), e);
        }
        Instant ts = null;
        Optional<String> tsText = text(n, "stateTimestamp");
        if (tsText.isPresent()) {
            try {
                ts = Instant.parse(tsText.get());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(
                        where + ".stateTimestamp is not an ISO-8601 instant: '" + tsText.get() + "'", e);
            }
        }
        if (state.needsTimestamp() && ts == null) {
            throw new IllegalArgumentException(
                    where + " is " + state.name().toLowerCase(java.util.Locale.ROOT) + " and needs a stateTimestamp");
        }
        return CtLog.of(spki, operator, description, state, ts);
    }

    /**
     * A log key as the request gives it: standard base64 (line breaks and spaces allowed, nothing
     * else) of one DER SubjectPublicKeyInfo. Checked here so every entry point (batch, evaluate
     * --ct-logs, the library) refuses the same keys: a lenient decoder would silently drop stray
     * characters and trust a key the caller never wrote.
     */
    private static byte[] spkiFromRequestJson(String text, String field) {
        String compact = text.replaceAll("[ \\t\\r\\n]", "");
        if (compact.isEmpty()) {
            throw new IllegalArgumentException(field + ": empty (expected base64 DER subjectPublicKeyInfo)");
        }
        byte[] spki;
        try {
            spki = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": bad base64 (" + e.getMessage() + ")", e);
        }
        try {
            SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(spki));
        } catch (Exception e) { // IOException, IllegalArgumentException, ClassCastException from BC
            throw new IllegalArgumentException(field + ": not a DER subjectPublicKeyInfo (" + e.getMessage() + ")", e);
        }
        return spki;
    }

    private static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    /**
     * The log list shipped with an Apple trust-store version (the {@code trust-stores} module's
     * records), converted as iOS converts it (§8.4): pending and rejected logs stay in the list but are
     * not trusted; shard windows, tiled and tls_only flags are carried. Converted once per trust-store
     * version (at most one list per bundled store), whoever asks: the evaluation and the report both do.
     */
    public static CtLogList of(io.github.sectrust4j.truststores.AppleTrustStore store) {
        requireNonNull(store, "store");
        return STORE_LISTS.computeIfAbsent(store.version(), v -> convert(store));
    }

    private static final Map<Integer, CtLogList> STORE_LISTS = new ConcurrentHashMap<>();

    /**
     * A bundled store's logs are converted on first use (a SHA-256 per log key, its id): a chain without
     * SCTs needs only the list's size and date. Every bundled list converts (TrustStoreLogListAdapterTest).
     */
    private static CtLogList convert(io.github.sectrust4j.truststores.AppleTrustStore store) {
        List<io.github.sectrust4j.truststores.CtLog> records = store.ctLogs();
        return new CtLogList(
                        records.size(), Suppliers.memoize(() -> convert(records)), CALLER_SUPPLIED, Optional.empty())
                .withSource(
                        "Apple trust store " + store.version()
                                + (store.ctLogListVersion().isEmpty()
                                        ? ""
                                        : " (log list version " + store.ctLogListVersion() + ")"),
                        store.sourceDate()
                                .atStartOfDay(java.time.ZoneOffset.UTC)
                                .toInstant());
    }

    /** As {@link #of(io.github.sectrust4j.truststores.AppleTrustStore)}, from the records themselves. */
    public static CtLogList fromTrustStoreLogs(Collection<io.github.sectrust4j.truststores.CtLog> logs) {
        Logs l = convert(requireNonNull(logs, "logs"));
        return new CtLogList(l.list().size(), () -> l, CALLER_SUPPLIED, Optional.empty());
    }

    private static Logs convert(Collection<io.github.sectrust4j.truststores.CtLog> records) {
        ImmutableList.Builder<CtLog> out = ImmutableList.builder();
        for (io.github.sectrust4j.truststores.CtLog l : records) {
            out.add(fromTrustStoreLog(l));
        }
        return index(out.build());
    }

    static CtLog fromTrustStoreLog(io.github.sectrust4j.truststores.CtLog l) {
        CtLogState state = switch (l.state()) {
            case PENDING -> CtLogState.PENDING;
            case QUALIFIED -> CtLogState.QUALIFIED;
            case USABLE -> CtLogState.USABLE;
            case READONLY -> CtLogState.READONLY;
            case RETIRED -> CtLogState.RETIRED;
            case REJECTED -> CtLogState.REJECTED;
        };
        Instant ts = l.stateTimestamp();
        if (ts == null && state.needsTimestamp()) {
            // a frozen or retired log without its date: nothing it signed can be shown to predate it,
            // so it counts for nothing (never a false "qualified")
            ts = Instant.MIN;
        }
        // the log id is the SHA-256 of the key by definition (RFC 6962 §3.2); SCTs name it that way
        CtLog log = CtLog.of(l.key(), l.operator(), l.description(), state, ts);
        if (l.intervalStart() != null || l.intervalEnd() != null) {
            // iOS checks each bound on its own when only one is listed
            log = log.withShard(
                    l.intervalStart() == null ? Instant.MIN : l.intervalStart(),
                    l.intervalEnd() == null ? Instant.MAX : l.intervalEnd());
        }
        return log.withFlags(l.tiled(), l.tlsOnly());
    }

    /** Every log as given, including pending and rejected ones, in input order. */
    public List<CtLog> logs() {
        return logs.get().list();
    }

    /** The entry for this log id, in any state. */
    public Optional<CtLog> find(LogId id) {
        return Optional.ofNullable(logs.get().byId().get(id));
    }

    /** The entry for this log id if iOS would trust it (not pending or rejected). */
    public Optional<CtLog> trusted(LogId id) {
        return find(id).filter(l -> l.state().isTrusted());
    }

    /** True if no log is trusted: iOS then validates no SCT at all (§8.3). */
    public boolean hasNoTrustedLog() {
        return logs.get().byId().values().stream().noneMatch(l -> l.state().isTrusted());
    }

    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return "CtLogList[" + size + " logs]";
    }
}
