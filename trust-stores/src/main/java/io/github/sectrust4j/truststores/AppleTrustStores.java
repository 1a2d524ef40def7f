package io.github.sectrust4j.truststores;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entry point to the bundled Apple trust stores (every version from 2015032000 / iOS 8.3 to
 * 2025072000 / iOS 26). Nothing is read before it is asked for; each version is decoded once,
 * on first use, and cached. Thread-safe.
 *
 * <pre>{@code
 * AppleTrustStore store = AppleTrustStores.forIos("17.4");   // 2024013100
 * store.anchorsBySubject(issuerDer);
 * }</pre>
 */
public final class AppleTrustStores {
    static final String RESOURCE_DIR = "/io/github/sectrust4j/truststores/";

    private static final Map<Integer, AppleTrustStore> STORES = new ConcurrentHashMap<>();

    private AppleTrustStores() {}

    /** Lazily read index of versions (versions.tsv). */
    private static final class Index {
        static final List<TrustStoreVersionInfo> VERSIONS = readIndex();
    }

    /** Lazily read shared anchor pool (anchors.bin). */
    private static final class Pool {
        static final AnchorPool POOL = AnchorPool.parse(resource("anchors.bin"), "anchors.bin");
    }

    /** Every bundled version, oldest first; reading this loads no store. */
    public static List<TrustStoreVersionInfo> versions() {
        return Index.VERSIONS;
    }

    /** The newest bundled store. */
    public static AppleTrustStore latest() {
        List<TrustStoreVersionInfo> v = versions();
        return version(v.get(v.size() - 1).trustStoreVersion());
    }

    /**
     * The store an iPhone on {@code iosRelease} uses (§11.6, see {@link IosReleases#resolve}).
     *
     * @throws IllegalArgumentException for a string that is not a release or a release below 8.3
     */
    public static AppleTrustStore forIos(String iosRelease) {
        AppleTrustStore known = iosRelease == null ? null : BY_RELEASE.get(iosRelease);
        if (known != null) {
            return known;
        }
        AppleTrustStore store = version(IosReleases.resolve(iosRelease).trustStoreVersion());
        if (BY_RELEASE.size() < MAX_RELEASE_SPELLINGS) {
            BY_RELEASE.putIfAbsent(iosRelease, store);
        }
        return store;
    }

    /**
     * Resolved release spellings (every evaluation asks for its release's store): immutable stores,
     * successes only, bounded so odd spellings cannot grow it without limit.
     */
    private static final Map<String, AppleTrustStore> BY_RELEASE = new ConcurrentHashMap<>();

    private static final int MAX_RELEASE_SPELLINGS = 256;

    /**
     * The store with Apple VersionNumber {@code trustStoreVersion}. An asset build number
     * (base + NN, e.g. 2024051501) resolves to its base store, whose anchors it shares.
     *
     * @throws IllegalArgumentException if no such version is bundled
     */
    public static AppleTrustStore version(int trustStoreVersion) {
        int base = baseVersion(trustStoreVersion);
        return STORES.computeIfAbsent(base, AppleTrustStores::load);
    }

    private static int baseVersion(int requested) {
        for (TrustStoreVersionInfo i : versions()) {
            if (i.trustStoreVersion() == requested) {
                return requested;
            }
        }
        // YYYYMMDDNN: NN != 00 is a downloaded asset built on the same date's base store (§11.2)
        int base = requested - Math.floorMod(requested, 100);
        for (TrustStoreVersionInfo i : versions()) {
            if (i.trustStoreVersion() == base) {
                return base;
            }
        }
        TrustStoreVersionInfo first = versions().get(0);
        TrustStoreVersionInfo last = versions().get(versions().size() - 1);
        throw new IllegalArgumentException("no bundled trust store " + requested + "; bundled versions are "
                + first.trustStoreVersion() + " to " + last.trustStoreVersion() + " (see AppleTrustStores.versions())");
    }

    private static AppleTrustStore load(int version) {
        String name = "store-" + version + ".bin";
        AppleTrustStore store =
                AppleTrustStore.decode(resource(name), name, Pool.POOL, IosReleases.releasesFor(version));
        if (store.version() != version) {
            throw new TrustStoreDataException(name + " holds version " + store.version());
        }
        return store;
    }

    static byte[] resource(String name) {
        try (InputStream in = AppleTrustStores.class.getResourceAsStream(RESOURCE_DIR + name)) {
            if (in == null) {
                throw new TrustStoreDataException(
                        "trust-store resource " + RESOURCE_DIR + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new TrustStoreDataException("cannot read trust-store resource " + name, e);
        }
    }

    static List<TrustStoreVersionInfo> parseIndex(String text) {
        List<TrustStoreVersionInfo> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("trustStoreVersion")) {
                continue;
            }
            String[] f = line.split("\t");
            if (f.length != 5) {
                throw new TrustStoreDataException("versions.tsv is corrupt: bad line \"" + line + "\"");
            }
            try {
                int v = Integer.parseInt(f[0]);
                out.add(new TrustStoreVersionInfo(
                        v,
                        f[1],
                        LocalDate.parse(f[2]),
                        IosReleases.releasesFor(v),
                        Integer.parseInt(f[3]),
                        Integer.parseInt(f[4])));
            } catch (RuntimeException e) {
                throw new TrustStoreDataException("versions.tsv is corrupt: bad line \"" + line + "\"", e);
            }
        }
        if (out.isEmpty()) {
            throw new TrustStoreDataException("versions.tsv lists no versions");
        }
        return List.copyOf(out);
    }

    private static List<TrustStoreVersionInfo> readIndex() {
        return parseIndex(new String(resource("versions.tsv"), StandardCharsets.UTF_8));
    }
}
