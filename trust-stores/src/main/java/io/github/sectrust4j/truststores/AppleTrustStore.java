package io.github.sectrust4j.truststores;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One Apple trust-store version: its anchors by group, EV policies, Apple policy constraints,
 * blocked / gray-listed keys and CT log list (spec §11, §10, §8.4). Immutable and thread-safe;
 * lookups by fingerprint, subject DER and key identifier are hash lookups.
 *
 * <p>Semantics (§11.3): {@link AnchorGroup#ROOTS} anchor every "system" policy unless their
 * {@code system} constraints list other OIDs; {@link AnchorGroup#CUSTOM} anchors only the Apple
 * policies its constraints name; platform and test groups are not customer anchors;
 * {@link AnchorGroup#REVOKED} / {@link AnchorGroup#DISTRUSTED} certificates (and every
 * certificate sharing their key) are refused wherever they appear.
 */
public final class AppleTrustStore {
    /** Apple SSL family compatibility OID (§11.4 X = 3). */
    public static final String OID_SSL = "1.2.840.113635.100.1.3";
    /** Apple SSL server policy OID (§11.4 X = 3.1). */
    public static final String OID_SSL_SERVER = "1.2.840.113635.100.1.3.1";

    static final int MAGIC = 0x53344A53;
    static final int FORMAT = 1;

    private final TrustStoreVersionInfo info;
    private final Map<AnchorGroup, List<AnchorRecord>> groups;
    private final Map<ByteKey, AnchorRecord> byFingerprint;
    private final Map<ByteKey, Set<AnchorGroup>> groupsByFingerprint;
    private final Map<ByteKey, List<AnchorRecord>> rootsBySubject;
    private final Map<ByteKey, List<AnchorRecord>> rootsByKeyId;
    private final Map<ByteKey, List<String>> evPolicies;
    private final Map<ByteKey, Map<AnchorGroup, List<String>>> constraints;
    private final Set<ByteKey> blockedKeys;
    private final Set<ByteKey> grayKeys;
    /**
     * The first byte of every blocked / gray-listed key, as 256-bit sets: nearly every lookup (a key on
     * neither list) ends there without hashing the 20-byte key.
     */
    private final long[] blockedFirstBytes = new long[4];

    private final long[] grayFirstBytes = new long[4];
    private final Set<String> blockedKeysHex;
    private final Set<String> grayKeysHex;
    private final List<CtLog> ctLogs;
    private final String ctLogListVersion;

    private AppleTrustStore(
            TrustStoreVersionInfo info,
            Map<AnchorGroup, List<AnchorRecord>> groups,
            Map<ByteKey, List<String>> evPolicies,
            Map<ByteKey, Map<AnchorGroup, List<String>>> constraints,
            List<CtLog> ctLogs,
            String ctLogListVersion) {
        this.info = info;
        this.groups = groups;
        this.evPolicies = evPolicies;
        this.constraints = constraints;
        this.ctLogs = ctLogs;
        this.ctLogListVersion = ctLogListVersion;
        Map<ByteKey, AnchorRecord> fp = new HashMap<>();
        Map<ByteKey, Set<AnchorGroup>> gfp = new HashMap<>();
        for (Map.Entry<AnchorGroup, List<AnchorRecord>> g : groups.entrySet()) {
            for (AnchorRecord r : g.getValue()) {
                ByteKey k = new ByteKey(r.rawSha256());
                fp.put(k, r);
                gfp.computeIfAbsent(k, x -> EnumSet.noneOf(AnchorGroup.class)).add(g.getKey());
                if (r.rawAppleFileSha256() != null) {
                    ByteKey alias = new ByteKey(r.rawAppleFileSha256());
                    fp.put(alias, r);
                    gfp.computeIfAbsent(alias, x -> EnumSet.noneOf(AnchorGroup.class))
                            .add(g.getKey());
                }
            }
        }
        gfp.replaceAll((k, v) -> Collections.unmodifiableSet(v));
        this.byFingerprint = fp;
        this.groupsByFingerprint = gfp;
        Map<ByteKey, List<AnchorRecord>> subj = new HashMap<>();
        Map<ByteKey, List<AnchorRecord>> ski = new HashMap<>();
        for (AnchorRecord r : groups.getOrDefault(AnchorGroup.ROOTS, List.of())) {
            subj.computeIfAbsent(new ByteKey(r.rawSubject()), x -> new ArrayList<>(1))
                    .add(r);
            if (r.rawSubjectKeyIdentifier() != null) {
                ski.computeIfAbsent(new ByteKey(r.rawSubjectKeyIdentifier()), x -> new ArrayList<>(1))
                        .add(r);
            }
        }
        subj.replaceAll((k, v) -> List.copyOf(v));
        ski.replaceAll((k, v) -> List.copyOf(v));
        this.rootsBySubject = subj;
        this.rootsByKeyId = ski;
        Set<ByteKey> blocked = new HashSet<>();
        Set<String> blockedHex = new TreeSet<>();
        for (AnchorRecord r : groups.getOrDefault(AnchorGroup.REVOKED, List.of())) {
            blocked.add(new ByteKey(r.rawKeySha1()));
            mark(blockedFirstBytes, r.rawKeySha1());
            blockedHex.add(Hex.encode(r.rawKeySha1()));
        }
        Set<ByteKey> gray = new HashSet<>();
        Set<String> grayHex = new TreeSet<>();
        for (AnchorRecord r : groups.getOrDefault(AnchorGroup.DISTRUSTED, List.of())) {
            gray.add(new ByteKey(r.rawKeySha1()));
            mark(grayFirstBytes, r.rawKeySha1());
            grayHex.add(Hex.encode(r.rawKeySha1()));
        }
        this.blockedKeys = blocked;
        this.grayKeys = gray;
        this.blockedKeysHex = Collections.unmodifiableSet(blockedHex);
        this.grayKeysHex = Collections.unmodifiableSet(grayHex);
    }

    /** Apple's VersionNumber (YYYYMMDDNN). */
    public int version() {
        return info.trustStoreVersion();
    }

    /** The {@code security_certificates} tag the data comes from. */
    public String sourceRelease() {
        return info.sourceRelease();
    }

    /** Date of the source tag. */
    public java.time.LocalDate sourceDate() {
        return info.sourceDate();
    }

    /** iOS releases that shipped this store (§11.6). */
    public List<String> iosReleases() {
        return info.iosReleases();
    }

    /** Summary (counts, releases). */
    public TrustStoreVersionInfo info() {
        return info;
    }

    /** The system anchors: Apple's {@code roots} group, sorted by SHA-256. */
    public List<AnchorRecord> anchors() {
        return members(AnchorGroup.ROOTS);
    }

    /** Members of {@code group} in this version, sorted by SHA-256 (empty if the group is absent). */
    public List<AnchorRecord> members(AnchorGroup group) {
        return groups.getOrDefault(group, List.of());
    }

    /** The system anchor (roots group) with this SHA-256, if any. */
    public Optional<AnchorRecord> anchor(byte[] sha256) {
        Set<AnchorGroup> g = groupsByFingerprint.get(new ByteKey(sha256));
        return g != null && g.contains(AnchorGroup.ROOTS)
                ? Optional.of(byFingerprint.get(new ByteKey(sha256)))
                : Optional.empty();
    }

    /** The system anchor with this SHA-256 given as hex (case-insensitive, ':' separators allowed). */
    public Optional<AnchorRecord> anchor(String sha256Hex) {
        return anchor(Hex.decode(sha256Hex));
    }

    /** A certificate of any group (roots, custom, revoked, …) with this SHA-256. */
    public Optional<AnchorRecord> certificate(byte[] sha256) {
        return Optional.ofNullable(byFingerprint.get(new ByteKey(sha256)));
    }

    /** System anchors whose subject Name DER is exactly {@code subjectDer}. */
    public List<AnchorRecord> anchorsBySubject(byte[] subjectDer) {
        return rootsBySubject.getOrDefault(new ByteKey(subjectDer), List.of());
    }

    /** System anchors whose subjectKeyIdentifier equals {@code keyId}. */
    public List<AnchorRecord> anchorsByKeyId(byte[] keyId) {
        return rootsByKeyId.getOrDefault(new ByteKey(keyId), List.of());
    }

    /** Every group the certificate belongs to in this version (empty if none). */
    public Set<AnchorGroup> groups(byte[] sha256) {
        return groupsByFingerprint.getOrDefault(new ByteKey(sha256), Set.of());
    }

    /**
     * The certificate's most significant group: a refusing group (revoked, distrusted) wins over
     * roots, roots over custom, and so on in declaration order of {@link AnchorGroup} otherwise.
     */
    public Optional<AnchorGroup> group(byte[] sha256) {
        Set<AnchorGroup> g = groups(sha256);
        if (g.contains(AnchorGroup.REVOKED)) {
            return Optional.of(AnchorGroup.REVOKED);
        }
        if (g.contains(AnchorGroup.DISTRUSTED)) {
            return Optional.of(AnchorGroup.DISTRUSTED);
        }
        return g.stream().findFirst();
    }

    /** EV policy OIDs this root may anchor (§10; empty if none). */
    public List<String> evPolicies(byte[] sha256) {
        return evPolicies.getOrDefault(canonical(sha256), List.of());
    }

    /** Key of the certificate's own SHA-256, also when {@code sha256} is Apple's file-name alias. */
    private ByteKey canonical(byte[] sha256) {
        AnchorRecord r = byFingerprint.get(new ByteKey(sha256));
        return new ByteKey(r != null ? r.rawSha256() : sha256);
    }

    /** Number of roots carrying EV policies. */
    public int evRootsCount() {
        return evPolicies.size();
    }

    /** Apple policy OIDs the certificate is restricted to, per group section of constraints.json (§11.3). */
    public Map<AnchorGroup, List<String>> constraints(byte[] sha256) {
        return constraints.getOrDefault(canonical(sha256), Map.of());
    }

    /** Apple policy OIDs of the certificate's constraints in {@code group}'s section (empty = unrestricted). */
    public List<String> constraints(AnchorGroup group, byte[] sha256) {
        return constraints(sha256).getOrDefault(group, List.of());
    }

    /** Whether the SHA-1 of a subjectPublicKey is on this version's blocked list (revoked group, fatal). */
    public boolean isBlockedKey(byte[] subjectPublicKeySha1) {
        return mayHold(blockedFirstBytes, subjectPublicKeySha1)
                && blockedKeys.contains(new ByteKey(subjectPublicKeySha1));
    }

    /** Whether the SHA-1 of a subjectPublicKey is on this version's gray list (distrusted group, recoverable). */
    public boolean isGrayListedKey(byte[] subjectPublicKeySha1) {
        return mayHold(grayFirstBytes, subjectPublicKeySha1) && grayKeys.contains(new ByteKey(subjectPublicKeySha1));
    }

    private static void mark(long[] firstBytes, byte[] key) {
        if (key.length > 0) {
            int b = key[0] & 0xff;
            firstBytes[b >>> 6] |= 1L << (b & 63);
        }
    }

    /** False when no listed key starts with this key's first byte (then the set cannot hold it). */
    private static boolean mayHold(long[] firstBytes, byte[] key) {
        if (key == null) {
            return false;
        }
        if (key.length == 0) {
            return true; // no first byte to test: the set decides
        }
        int b = key[0] & 0xff;
        return (firstBytes[b >>> 6] & (1L << (b & 63))) != 0;
    }

    /** Blocked keys (SHA-1 of subjectPublicKey bits, upper-case hex) from the revoked group. */
    public Set<String> blockedKeys() {
        return blockedKeysHex;
    }

    /** Gray-listed keys (SHA-1 of subjectPublicKey bits, upper-case hex) from the distrusted group. */
    public Set<String> grayListedKeys() {
        return grayKeysHex;
    }

    /**
     * Whether the certificate with this SHA-256 anchors the SSL server policy in this store (§11.3):
     * a roots member whose {@code system} constraints are empty or list an SSL OID, or a custom
     * member whose constraints list an SSL OID; never when it (or its key) is revoked or
     * distrusted. Platform and test anchors never qualify. Note the spec's open question: the 11
     * Apple Platform G1 roots are in {@code roots} with non-TLS constraints; this answers as the
     * constrained ("RootConstraints") source does.
     */
    public boolean isTrustedForSsl(byte[] sha256) {
        AnchorRecord r = byFingerprint.get(new ByteKey(sha256));
        if (r == null) {
            return false;
        }
        Set<AnchorGroup> g = groups(sha256);
        if (g.contains(AnchorGroup.REVOKED)
                || g.contains(AnchorGroup.DISTRUSTED)
                || isBlockedKey(r.rawKeySha1())
                || isGrayListedKey(r.rawKeySha1())) {
            return false;
        }
        if (g.contains(AnchorGroup.ROOTS)) {
            List<String> oids = constraints(AnchorGroup.ROOTS, sha256);
            if (oids.isEmpty() || listsSsl(oids)) {
                return true;
            }
        }
        return g.contains(AnchorGroup.CUSTOM) && listsSsl(constraints(AnchorGroup.CUSTOM, sha256));
    }

    private static boolean listsSsl(List<String> oids) {
        return oids.contains(OID_SSL_SERVER) || oids.contains(OID_SSL);
    }

    /** The CT log list shipped with this version (empty for 2015 stores that shipped none). */
    public List<CtLog> ctLogs() {
        return ctLogs;
    }

    /** The CT log list's version string, empty if it has none or no list shipped. */
    public String ctLogListVersion() {
        return ctLogListVersion;
    }

    @Override
    public String toString() {
        return "AppleTrustStore[" + version() + ", " + sourceRelease() + ", roots="
                + anchors().size() + "]";
    }

    /**
     * Decodes a {@code store-<version>.bin}. Format (big-endian): int magic "S4JS", int format,
     * int version, UTF sourceRelease, UTF sourceDate; byte group count, per group byte
     * {@link AnchorGroup} ordinal + int n + int[n] pool indices; EV map (int n; per entry int
     * index, short m, m UTF OIDs); byte section count, per section byte group ordinal + an OID
     * map as for EV; boolean CT present, then UTF schema, UTF listVersion, int assetVersion,
     * int n logs: bytes logId, bytes key, UTF operator, UTF description, UTF url, byte
     * {@link CtLogState} ordinal, long stateTimestamp, long intervalStart, long intervalEnd
     * (epoch millis, Long.MIN_VALUE = none), boolean tiled, boolean tlsOnly; then a CRC-32 of
     * everything before it.
     */
    static AppleTrustStore decode(byte[] file, String name, AnchorPool pool, List<String> iosReleases) {
        byte[] data = Crc.strip(file, name);
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            if (in.readInt() != MAGIC) {
                throw new TrustStoreDataException(name + " is not a trust-store file (bad magic)");
            }
            int format = in.readInt();
            if (format != FORMAT) {
                throw new TrustStoreDataException(name + " has format " + format + ", expected " + FORMAT);
            }
            int version = in.readInt();
            String sourceRelease = in.readUTF();
            java.time.LocalDate sourceDate = java.time.LocalDate.parse(in.readUTF());
            Map<AnchorGroup, List<AnchorRecord>> groups = new EnumMap<>(AnchorGroup.class);
            int ng = in.readUnsignedByte();
            for (int g = 0; g < ng; g++) {
                AnchorGroup group = group(in.readUnsignedByte(), name);
                int n = count(in, name);
                List<AnchorRecord> members = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    members.add(pool.get(in.readInt()));
                }
                groups.put(group, List.copyOf(members));
            }
            Map<ByteKey, List<String>> ev = oidMap(in, pool, name);
            Map<ByteKey, Map<AnchorGroup, List<String>>> constraints = new HashMap<>();
            int ns = in.readUnsignedByte();
            for (int s = 0; s < ns; s++) {
                AnchorGroup group = group(in.readUnsignedByte(), name);
                for (Map.Entry<ByteKey, List<String>> e : oidMap(in, pool, name).entrySet()) {
                    constraints
                            .computeIfAbsent(e.getKey(), k -> new EnumMap<>(AnchorGroup.class))
                            .put(group, e.getValue());
                }
            }
            constraints.replaceAll((k, v) -> Collections.unmodifiableMap(v));
            List<CtLog> logs = new ArrayList<>();
            String listVersion = "";
            if (in.readBoolean()) {
                in.readUTF(); // schema URL: informational
                listVersion = in.readUTF();
                in.readInt(); // assetVersion: informational
                int n = count(in, name);
                CtLogState[] states = CtLogState.values();
                for (int i = 0; i < n; i++) {
                    byte[] id = bytes(in, name);
                    byte[] key = bytes(in, name);
                    String operator = in.readUTF();
                    String description = in.readUTF();
                    String url = in.readUTF();
                    int st = in.readUnsignedByte();
                    if (st >= states.length) {
                        throw new TrustStoreDataException(name + " is corrupt: CT state " + st);
                    }
                    Instant ts = instant(in.readLong());
                    Instant start = instant(in.readLong());
                    Instant end = instant(in.readLong());
                    boolean tiled = in.readBoolean();
                    boolean tlsOnly = in.readBoolean();
                    logs.add(new CtLog(
                            id,
                            key,
                            operator,
                            description,
                            url,
                            states[st],
                            ts,
                            start,
                            end,
                            tiled,
                            tlsOnly,
                            listVersion));
                }
            }
            if (in.available() != 0) {
                throw new TrustStoreDataException(name + " is corrupt: " + in.available() + " trailing bytes");
            }
            int roots = groups.getOrDefault(AnchorGroup.ROOTS, List.of()).size();
            TrustStoreVersionInfo info =
                    new TrustStoreVersionInfo(version, sourceRelease, sourceDate, iosReleases, roots, ev.size());
            return new AppleTrustStore(
                    info, Collections.unmodifiableMap(groups), ev, constraints, List.copyOf(logs), listVersion);
        } catch (TrustStoreDataException e) {
            if (e.getMessage().startsWith(name)) {
                throw e;
            }
            throw new TrustStoreDataException(name + " is corrupt: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            throw new TrustStoreDataException(name + " is corrupt or truncated: " + e, e);
        }
    }

    private static Map<ByteKey, List<String>> oidMap(DataInputStream in, AnchorPool pool, String name)
            throws IOException {
        int n = count(in, name);
        Map<ByteKey, List<String>> out = new HashMap<>();
        for (int i = 0; i < n; i++) {
            AnchorRecord r = pool.get(in.readInt());
            int m = in.readUnsignedShort();
            List<String> oids = new ArrayList<>(m);
            for (int j = 0; j < m; j++) {
                oids.add(in.readUTF());
            }
            out.put(new ByteKey(r.rawSha256()), List.copyOf(oids));
        }
        return out;
    }

    private static AnchorGroup group(int ordinal, String name) {
        AnchorGroup[] all = AnchorGroup.values();
        if (ordinal >= all.length) {
            throw new TrustStoreDataException(name + " is corrupt: unknown group " + ordinal);
        }
        return all[ordinal];
    }

    private static int count(DataInputStream in, String name) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000) {
            throw new TrustStoreDataException(name + " is corrupt: count " + n);
        }
        return n;
    }

    private static byte[] bytes(DataInputStream in, String name) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new TrustStoreDataException(name + " is corrupt: length " + n);
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    private static Instant instant(long millis) {
        return millis == Long.MIN_VALUE ? null : Instant.ofEpochMilli(millis);
    }
}
