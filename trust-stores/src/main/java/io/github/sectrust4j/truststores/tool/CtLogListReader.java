package io.github.sectrust4j.truststores.tool;

import io.github.sectrust4j.truststores.CtLogState;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads the four shapes of Apple's shipped CT log list (§8.4): the 2015–2016 list
 * ({@code operators} + {@code logs}, no states), the 2017–2018 list with a {@code states}
 * table and {@code disqualified_at}, schema v2 (operators and logs keyed by name) and
 * schema v3–v5 (arrays, {@code tiled_logs}, {@code temporal_interval}, {@code tls_only}).
 */
public final class CtLogListReader {
    static final long NONE = Long.MIN_VALUE;

    static final class Log {
        byte[] logId;
        byte[] key;
        String operator = "";
        String description = "";
        String url = "";
        CtLogState state;
        long stateTimestamp = NONE;
        long intervalStart = NONE;
        long intervalEnd = NONE;
        boolean tiled;
        boolean tlsOnly;
    }

    String schema = "";
    String listVersion = "";
    int assetVersion = -1;
    /** {@code log_list_timestamp} (Google v3; Apple's lists have none), or {@link #NONE}. */
    long listTimestamp = NONE;

    final List<Log> logs = new ArrayList<>();

    static CtLogListReader read(String json) {
        return readTree(Json.parse(json));
    }

    /**
     * A log list someone supplies at run time (Apple's published {@code current_log_list.json}, Google's
     * v3 list), from its JSON tree (objects as {@link Map}, arrays as {@link List}, numbers as
     * {@link BigDecimal}): the same reading and state mapping as the shipped lists.
     *
     * @throws IllegalArgumentException if the tree is not such a list, naming what is wrong
     */
    public static io.github.sectrust4j.truststores.PublishedCtLogList published(Object tree) {
        CtLogListReader r;
        try {
            r = readTree(tree);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) { // a field of the wrong JSON type
            throw new IllegalArgumentException(
                    "not a CT log list (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
        }
        List<io.github.sectrust4j.truststores.CtLog> logs = new ArrayList<>();
        for (Log l : r.logs) {
            logs.add(new io.github.sectrust4j.truststores.CtLog(
                    l.logId,
                    l.key,
                    l.operator,
                    l.description,
                    l.url,
                    l.state,
                    instant(l.stateTimestamp),
                    instant(l.intervalStart),
                    instant(l.intervalEnd),
                    l.tiled,
                    l.tlsOnly,
                    r.listVersion));
        }
        return new io.github.sectrust4j.truststores.PublishedCtLogList(
                r.schema, r.listVersion, r.assetVersion, java.util.Optional.ofNullable(instant(r.listTimestamp)), logs);
    }

    private static Instant instant(long millis) {
        return millis == NONE ? null : Instant.ofEpochMilli(millis);
    }

    private CtLogListReader() {}

    @SuppressWarnings("unchecked")
    private static CtLogListReader readTree(Object tree) {
        if (!(tree instanceof Map)) {
            throw new IllegalArgumentException("a CT log list is a JSON object with an operators array");
        }
        Map<String, Object> root = (Map<String, Object>) tree;
        CtLogListReader r = new CtLogListReader();
        if (root.get("log_list_timestamp") != null) {
            r.listTimestamp = isoMillis(root.get("log_list_timestamp"));
        }
        r.schema = str(root.get("$schema"));
        Object v = root.containsKey("version") ? root.get("version") : root.get("logListVersion");
        r.listVersion = v == null ? "" : str(v);
        if (root.get("assetVersion") instanceof BigDecimal) {
            r.assetVersion = ((BigDecimal) root.get("assetVersion")).intValueExact();
        }
        Object ops = root.get("operators");
        if (root.containsKey("logs")) {
            r.readLegacy(root);
        } else if (ops instanceof Map) {
            for (Map.Entry<String, Object> op : ((Map<String, Object>) ops).entrySet()) {
                Map<String, Object> o = (Map<String, Object>) op.getValue();
                for (Object log : ((Map<String, Object>) o.get("logs")).values()) {
                    r.logs.add(modern((Map<String, Object>) log, op.getKey(), false));
                }
            }
        } else if (ops instanceof List) {
            for (Object op : (List<Object>) ops) {
                Map<String, Object> o = (Map<String, Object>) op;
                String name = str(o.get("name"));
                for (Object log : list(o.get("logs"))) {
                    r.logs.add(modern((Map<String, Object>) log, name, false));
                }
                for (Object log : list(o.get("tiled_logs"))) {
                    r.logs.add(modern((Map<String, Object>) log, name, true));
                }
            }
        } else {
            throw new IllegalArgumentException("unrecognised CT log list shape (no operators)");
        }
        // deterministic output independent of the JSON's key order
        r.logs.sort(Comparator.comparing(l -> hex(l.logId)));
        return r;
    }

    @SuppressWarnings("unchecked")
    private void readLegacy(Map<String, Object> root) {
        Map<Integer, String> operators = new HashMap<>();
        for (Object o : list(root.get("operators"))) {
            Map<String, Object> m = (Map<String, Object>) o;
            operators.put(((BigDecimal) m.get("id")).intValueExact(), str(m.get("name")));
        }
        Map<Integer, String> states = new HashMap<>();
        for (Object o : list(root.get("states"))) {
            Map<String, Object> m = (Map<String, Object>) o;
            states.put(((BigDecimal) m.get("id")).intValueExact(), str(m.get("name")));
        }
        for (Object o : list(root.get("logs"))) {
            Map<String, Object> m = (Map<String, Object>) o;
            Log l = new Log();
            l.key = Base64.getDecoder().decode(str(m.get("key")));
            l.logId = CertificateFacts.digest("SHA-256", l.key);
            l.description = str(m.get("description"));
            l.url = str(m.get("url"));
            List<String> names = new ArrayList<>();
            for (Object id : list(m.get("operated_by"))) {
                names.add(operators.getOrDefault(((BigDecimal) id).intValueExact(), "?"));
            }
            l.operator = String.join(", ", names);
            String state = m.get("state") == null
                    ? "Included"
                    : states.getOrDefault(((BigDecimal) m.get("state")).intValueExact(), "Included");
            // legacy names mapped onto the v3+ vocabulary: Included → usable, Frozen → readonly
            // (frozen at the final STH), Disqualified → retired at disqualified_at.
            switch (state) {
                case "Included":
                    l.state = CtLogState.USABLE;
                    break;
                case "Pending":
                    l.state = CtLogState.PENDING;
                    break;
                case "Frozen":
                    l.state = CtLogState.READONLY;
                    if (m.get("final_sth") instanceof Map) {
                        Object ts = ((Map<String, Object>) m.get("final_sth")).get("timestamp");
                        l.stateTimestamp = ((BigDecimal) ts).longValueExact();
                    }
                    break;
                case "Disqualified":
                    l.state = CtLogState.RETIRED;
                    if (m.get("disqualified_at") != null) {
                        BigDecimal d = (BigDecimal) m.get("disqualified_at");
                        // 2017-era lists give milliseconds
                        l.stateTimestamp = d.longValueExact();
                    }
                    break;
                default:
                    throw new IllegalArgumentException("unknown legacy CT state " + state);
            }
            logs.add(l);
        }
    }

    @SuppressWarnings("unchecked")
    private static Log modern(Map<String, Object> m, String operator, boolean tiled) {
        Log l = new Log();
        l.key = Base64.getDecoder().decode(str(m.get("key")));
        l.logId = Base64.getDecoder().decode(str(m.get("log_id")));
        byte[] computed = CertificateFacts.digest("SHA-256", l.key);
        if (!java.util.Arrays.equals(computed, l.logId)) {
            throw new IllegalArgumentException("log_id is not SHA-256 of the key for " + m.get("description"));
        }
        Object d = m.get("description");
        l.description = d instanceof List ? str(((List<Object>) d).get(0)) : str(d);
        l.url = str(m.get("url") != null ? m.get("url") : m.get("submission_url"));
        l.operator = operator;
        l.tiled = tiled;
        l.tlsOnly = Boolean.TRUE.equals(m.get("tls_only"));
        Map<String, Object> state = (Map<String, Object>) m.get("state");
        if (l.key.length == 0) {
            throw new IllegalArgumentException("log without a key: " + l.description);
        }
        if (state == null || state.size() != 1) {
            throw new IllegalArgumentException("log without exactly one state: " + l.description);
        }
        Map.Entry<String, Object> s = state.entrySet().iterator().next();
        l.state = s.getKey().equals("frozen") ? CtLogState.READONLY : CtLogState.fromJson(s.getKey());
        Object ts = ((Map<String, Object>) s.getValue()).get("timestamp");
        if (ts != null) {
            l.stateTimestamp = isoMillis(ts);
        }
        if (m.get("temporal_interval") instanceof Map) {
            Map<String, Object> ti = (Map<String, Object>) m.get("temporal_interval");
            l.intervalStart = isoMillis(ti.get("start_inclusive"));
            l.intervalEnd = isoMillis(ti.get("end_exclusive"));
        }
        return l;
    }

    /** ISO-8601 instant; some 2018 lists omit the zone, which is then UTC. */
    private static long isoMillis(Object o) {
        String t = str(o);
        try {
            return Instant.parse(t).toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return java.time.LocalDateTime.parse(t)
                    .toInstant(java.time.ZoneOffset.UTC)
                    .toEpochMilli();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o == null ? List.of() : (List<Object>) o;
    }

    private static String str(Object o) {
        if (o == null) {
            return "";
        }
        if (o instanceof BigDecimal) {
            return ((BigDecimal) o).toPlainString();
        }
        return o.toString();
    }

    static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }
}
