package io.github.sectrust4j.revocation;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.sqlite.ProgressHandler;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteOpenMode;

/**
 * Apple's Valid database as shipped in the trust-store asset: an SQLite file (spec §9.2) read with
 * sqlite-jdbc (an optional dependency of core). Opened once, read-only, from a path the caller
 * gives; every lookup uses prepared statements on one connection, serialised by this instance's
 * lock, so an instance is thread-safe. Close it when done.
 *
 * <p>The file is the caller's input, so nothing in it may run unbounded: it is opened read-only and
 * immutable (SQLite takes no locks and trusts no journal), the six tables must be plain tables (a
 * view can hide an endless recursive query; views, virtual tables and generated columns are refused), and every
 * statement runs under a budget of SQLite virtual-machine steps ({@value #OPEN_STEP_BUDGET} thousand
 * for the checks at opening, {@value #LOOKUP_STEP_BUDGET} thousand per lookup — Apple's database
 * needs a small fraction); a statement past its budget is interrupted and fails as unreadable.
 *
 * <p>Schema (as in the 2023 snapshot, admin {@code db_version} 7): {@code issuers(groupid,
 * issuer_hash)}, {@code groups(groupid, flags, format, data, policies)}, {@code serials(groupid,
 * serial)}, {@code hashes(groupid, sha256)}, {@code dates(groupid, notbefore, notafter)} with
 * CFAbsoluteTime dates (seconds since 2001-01-01T00:00:00Z), {@code admin(key, ival, value)}.
 */
public final class ValidDatabase implements RevocationDatabase, AutoCloseable {
    /** CFAbsoluteTime zero, 2001-01-01T00:00:00Z, in Unix seconds. */
    static final long CF_EPOCH = 978_307_200L;

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Map<String, List<String>> REQUIRED_COLUMNS = Map.of(
            "issuers", List.of("groupid", "issuer_hash"),
            "groups", List.of("groupid", "flags", "format", "data", "policies"),
            "serials", List.of("groupid", "serial"),
            "hashes", List.of("groupid", "sha256"),
            "dates", List.of("groupid", "notbefore", "notafter"),
            "admin", List.of("key", "ival", "value"));

    /** Thousands of SQLite VM steps allowed for opening (quick_check of a 3 MB snapshot: ~160). */
    static final int OPEN_STEP_BUDGET = 200_000;
    /** Thousands of SQLite VM steps allowed per lookup (an indexed lookup needs well under one). */
    static final int LOOKUP_STEP_BUDGET = 20_000;

    private final Path path;
    private final Connection connection;
    private final StepBudget steps;
    private final PreparedStatement groupByIssuer;
    private final PreparedStatement serialInGroup;
    private final PreparedStatement hashInGroup;
    private final OptionalLong version;
    private final Object lock = new Object();
    // Parsed format-3 filters by group id (a group's data never changes in an opened snapshot).
    private final Map<Long, Optional<ValidFilter>> filters = new java.util.concurrent.ConcurrentHashMap<>();
    private boolean closed;

    private ValidDatabase(Path path, Connection connection, StepBudget steps) throws SQLException {
        this.path = path;
        this.connection = connection;
        this.steps = steps;
        this.groupByIssuer = connection.prepareStatement(
                "SELECT g.groupid, g.flags, g.format, g.data, g.policies, d.notbefore, d.notafter"
                        + " FROM issuers i JOIN groups g ON g.groupid = i.groupid"
                        + " LEFT JOIN dates d ON d.groupid = g.groupid WHERE i.issuer_hash = ?");
        this.serialInGroup =
                connection.prepareStatement("SELECT 1 FROM serials WHERE groupid = ? AND serial = ? LIMIT 1");
        this.hashInGroup = connection.prepareStatement("SELECT 1 FROM hashes WHERE groupid = ? AND sha256 = ? LIMIT 1");
        this.version = readVersion(connection);
        steps.reset(LOOKUP_STEP_BUDGET);
    }

    /**
     * Interrupts a statement after its budget of VM steps (counted in thousands). Reset before each
     * statement; only touched under the instance's lock (or before the instance exists).
     */
    private static final class StepBudget extends ProgressHandler {
        private volatile int left;

        void reset(int thousands) {
            left = thousands;
        }

        @Override
        protected int progress() {
            return --left < 0 ? 1 : 0; // non-zero: SQLite stops the statement (SQLITE_INTERRUPT)
        }
    }

    /**
     * Opens the database at {@code path} read-only and checks that it is a Valid database.
     *
     * @throws ValidDatabaseException (an {@link IllegalArgumentException}) naming the path and the problem
     */
    public static ValidDatabase open(Path path) {
        requireNonNull(path, "path");
        checkHeader(path);
        try {
            Class.forName("org.sqlite.SQLiteConfig", false, ValidDatabase.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(
                    "Reading a Valid database needs org.xerial:sqlite-jdbc on the class path"
                            + " (an optional dependency of sectrust4j-core)",
                    e);
        }
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setOpenMode(SQLiteOpenMode.READONLY);
        config.setOpenMode(SQLiteOpenMode.OPEN_URI);
        config.setBusyTimeout(2000); // never wait long on a locked file
        Connection connection = null;
        try {
            // immutable: no locks, no journal or WAL files read or created next to the caller's file
            connection = config.createConnection(
                    "jdbc:sqlite:" + path.toAbsolutePath().toUri() + "?immutable=1");
            StepBudget steps = new StepBudget();
            steps.reset(OPEN_STEP_BUDGET);
            ProgressHandler.setHandler(connection, 1000, steps);
            checkSchema(path, connection);
            return new ValidDatabase(path, connection, steps);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new ValidDatabaseException(path, "unreadable SQLite database (" + e.getMessage() + ")", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    private static void checkHeader(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ValidDatabaseException(path, "no such file", null);
        }
        byte[] header = new byte[SQLITE_MAGIC.length];
        try (InputStream in = Files.newInputStream(path)) {
            int read = in.readNBytes(header, 0, header.length);
            if (read < header.length || !Arrays.equals(header, SQLITE_MAGIC)) {
                throw new ValidDatabaseException(path, "not an SQLite 3 file (bad header)", null);
            }
        } catch (IOException e) {
            throw new ValidDatabaseException(path, "cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static void checkSchema(Path path, Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            try (ResultSet rs = st.executeQuery("PRAGMA quick_check(1)")) {
                String answer = rs.next() ? rs.getString(1) : "no answer";
                if (!"ok".equals(answer)) {
                    throw new ValidDatabaseException(path, "corrupt SQLite database (" + answer + ")", null);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT type, name, sql FROM sqlite_master")) {
                while (rs.next()) {
                    String type = rs.getString(1);
                    String name = rs.getString(2);
                    String sql = rs.getString(3);
                    if ("view".equals(type)) {
                        throw new ValidDatabaseException(path, "not a Valid database: it holds a view", null);
                    }
                    if (REQUIRED_COLUMNS.containsKey(name)
                            && (!"table".equals(type)
                                    || sql == null
                                    || !sql.regionMatches(true, 0, "CREATE TABLE", 0, 12))) {
                        throw new ValidDatabaseException(
                                path, "not a Valid database: '" + name + "' is not a plain table", null);
                    }
                }
            }
            for (Map.Entry<String, List<String>> table : REQUIRED_COLUMNS.entrySet()) {
                Set<String> columns = new HashSet<>();
                try (ResultSet rs = st.executeQuery("PRAGMA table_xinfo(\"" + table.getKey() + "\")")) {
                    while (rs.next()) {
                        if (rs.getInt("hidden") != 0) { // a generated column computes an expression on every read
                            throw new ValidDatabaseException(
                                    path,
                                    "not a Valid database: table '" + table.getKey()
                                            + "' has a generated or hidden column '" + rs.getString("name") + "'",
                                    null);
                        }
                        columns.add(rs.getString("name"));
                    }
                }
                if (columns.isEmpty()) {
                    throw new ValidDatabaseException(
                            path, "not a Valid database: no table '" + table.getKey() + "'", null);
                }
                for (String column : table.getValue()) {
                    if (!columns.contains(column)) {
                        throw new ValidDatabaseException(
                                path,
                                "not a Valid database: table '" + table.getKey() + "' lacks column '" + column + "'",
                                null);
                    }
                }
            }
        }
    }

    private static OptionalLong readVersion(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT ival FROM admin WHERE key = 'version'")) {
            return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
        }
    }

    /** The content version from {@code admin} (matches the ValidUpdate plist's Version), if recorded. */
    public OptionalLong version() {
        return version;
    }

    public Path path() {
        return path;
    }

    @Override
    public Optional<ValidGroup> groupForIssuer(byte[] issuerSha256) {
        requireNonNull(issuerSha256, "issuerSha256");
        synchronized (lock) {
            checkOpen();
            try {
                steps.reset(LOOKUP_STEP_BUDGET);
                groupByIssuer.setBytes(1, issuerSha256);
                try (ResultSet rs = groupByIssuer.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return toGroup(rs, filters);
                }
            } catch (SQLException e) {
                throw new ValidDatabaseException(path, "issuer lookup failed (" + e.getMessage() + ")", e);
            }
        }
    }

    private static Optional<ValidGroup> toGroup(ResultSet rs, Map<Long, Optional<ValidFilter>> filters)
            throws SQLException {
        long id = rs.getLong(1);
        long flags = rs.getLong(2);
        Optional<ValidFormat> format = ValidFormat.of(rs.getInt(3));
        if (format.isEmpty()) {
            return Optional.empty(); // unknown format: iOS finds no information
        }
        byte[] data = rs.getBytes(4);
        byte[] policies = rs.getBytes(5);
        Optional<Instant> notBefore = cfDate(rs, 6);
        Optional<Instant> notAfter = cfDate(rs, 7);
        Optional<ValidFilter> filter = Optional.empty();
        if (format.get() == ValidFormat.FILTER && data != null) {
            filter = filters.computeIfAbsent(id, key -> parseFilter(data));
        }
        return Optional.of(new ValidGroup(
                id,
                ValidFlag.fromBits(flags),
                format.get(),
                notBefore,
                notAfter,
                ValidPolicy.decode(policies),
                filter));
    }

    private static Optional<ValidFilter> parseFilter(byte[] data) {
        try {
            return Optional.of(ValidFilter.parse(data));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // as on iOS: an unusable filter matches nothing
        }
    }

    private static Optional<Instant> cfDate(ResultSet rs, int column) throws SQLException {
        double value = rs.getDouble(column);
        if (rs.wasNull() || Double.isNaN(value) || Double.isInfinite(value)) {
            return Optional.empty();
        }
        return Optional.of(fromCfAbsoluteTime(value));
    }

    static Instant fromCfAbsoluteTime(double seconds) {
        double whole = Math.floor(seconds);
        long nanos = Math.round((seconds - whole) * 1e9);
        return Instant.ofEpochSecond(CF_EPOCH + (long) whole, nanos);
    }

    @Override
    public boolean serialOnList(ValidGroup group, byte[] serial) {
        return member(serialInGroup, group, serial, "serial");
    }

    @Override
    public boolean hashOnList(ValidGroup group, byte[] certificateSha256) {
        return member(hashInGroup, group, certificateSha256, "hash");
    }

    private boolean member(PreparedStatement statement, ValidGroup group, byte[] value, String what) {
        requireNonNull(group, "group");
        requireNonNull(value, what);
        synchronized (lock) {
            checkOpen();
            try {
                steps.reset(LOOKUP_STEP_BUDGET);
                statement.setLong(1, group.id());
                statement.setBytes(2, value);
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                throw new ValidDatabaseException(path, what + " lookup failed (" + e.getMessage() + ")", e);
            }
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("Valid database " + path + " is closed");
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing useful to do: the file was opened read-only
            }
        }
    }

    @Override
    public String toString() {
        return "ValidDatabase[" + path + "]";
    }
}
