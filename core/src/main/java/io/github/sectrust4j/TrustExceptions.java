package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import com.dd.plist.BinaryPropertyListWriter;
import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.google.common.collect.ImmutableSortedSet;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.cert.Fingerprint;
import io.github.sectrust4j.plist.StrictPlist;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user's "trust this certificate anyway" exceptions, as {@code SecTrustCopyExceptions} creates them
 * and {@code SecTrustSetExceptions} installs them (spec §12.4): one entry per chain position, each the
 * SHA-1 of the certificate at that position and the names of the checks that failed there. With
 * exceptions installed, a <em>Recoverable</em> failure (key K at index i) is not counted when the entry
 * at i names K and its SHA-1 is that of the certificate now at i; Fatal and Deny failures (revocation,
 * black lists, weak keys and signatures, non-overridable CT or Valid constraints, usage constraints) are
 * never excepted. This is the Mail/Safari "Continue"/"Trust" button, not a trust-store change.
 *
 * <p>Create them with {@link SecTrust#copyExceptions(List)} (what a device would store after the user
 * tapped "Trust"), or read Apple's binary property-list form with {@link #fromPlist(byte[])}; install
 * them with {@link SecTrust#withExceptions(TrustExceptions)}. Not to be confused with the MDM
 * Certificate Transparency exceptions ({@link io.github.sectrust4j.ct.CtExceptions}). Immutable.
 */
public final class TrustExceptions {
    /** The key of an entry's certificate SHA-1 in Apple's property list. */
    static final String SHA1_DIGEST = "SHA1Digest";
    /** The key of the exception epoch in Apple's property list. */
    static final String RESET_COUNT = "ExceptionResetCount";

    /**
     * One chain position: the certificate's SHA-1 and the check names excepted there (Apple's failure
     * keys, e.g. {@code SSLHostname}, {@code AnchorTrusted}); an empty entry (no SHA-1) matches nothing.
     */
    public static final class Entry {
        private final byte[] sha1;
        private final Set<String> checks;
        private final OptionalLong resetCount;

        private Entry(byte[] sha1, Set<String> checks, OptionalLong resetCount) {
            if (sha1 != null && sha1.length != 20) {
                throw new IllegalArgumentException("an exception's SHA1Digest has 20 bytes, not " + sha1.length);
            }
            this.sha1 = sha1 == null ? null : sha1.clone();
            this.checks = ImmutableSortedSet.copyOf(checks); // sorted: the plist's key order is the same in every run
            this.resetCount = requireNonNull(resetCount, "resetCount");
        }

        /**
         * An entry for this certificate excepting these checks (Apple check names, {@link FindingCode#code()});
         * any {@link Cert} (its SHA-1 is taken from its DER).
         */
        public static Entry of(Cert certificate, Set<String> checks) {
            return new Entry(sha1Of(certificate), requireNonNull(checks, "checks"), OptionalLong.empty());
        }

        /** A position without exceptions (Apple: an empty dictionary). */
        public static Entry empty() {
            return new Entry(null, Set.of(), OptionalLong.empty());
        }

        public Optional<byte[]> sha1() {
            return Optional.ofNullable(sha1).map(byte[]::clone);
        }

        /** Upper-case hex of the SHA-1, or empty. */
        public String sha1Hex() {
            return sha1 == null
                    ? ""
                    : Fingerprint.of(Fingerprint.Algorithm.SHA1, sha1).hexUpperCase();
        }

        public Set<String> checks() {
            return checks;
        }

        /** {@code ExceptionResetCount}: the exception epoch the entry was made in (only when non-zero). */
        public OptionalLong resetCount() {
            return resetCount;
        }

        /** Whether this entry excepts {@code check} for {@code certificate}. */
        public boolean excepts(Cert certificate, String check) {
            return sha1 != null && checks.contains(check) && Arrays.equals(sha1, sha1Of(certificate));
        }

        boolean isEmpty() {
            return sha1 == null && checks.isEmpty() && resetCount.isEmpty();
        }

        Entry withResetCount(long epoch) {
            return new Entry(sha1, checks, epoch == 0 ? OptionalLong.empty() : OptionalLong.of(epoch));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e
                    && Arrays.equals(e.sha1, sha1)
                    && e.checks.equals(checks)
                    && e.resetCount.equals(resetCount);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(sha1) * 31 + checks.hashCode();
        }

        @Override
        public String toString() {
            return sha1 == null
                    ? "{}"
                    : "{" + sha1Hex() + " " + new TreeSet<>(checks)
                            + resetCount.stream()
                                    .mapToObj(r -> " reset " + r)
                                    .findFirst()
                                    .orElse("") + "}";
        }
    }

    private final List<Entry> entries;

    private TrustExceptions(List<Entry> entries) {
        List<Entry> trimmed = new ArrayList<>(entries);
        // Apple drops trailing empty dictionaries
        while (!trimmed.isEmpty() && trimmed.get(trimmed.size() - 1).isEmpty()) {
            trimmed.remove(trimmed.size() - 1);
        }
        this.entries = List.copyOf(trimmed);
    }

    /** Exceptions from entries, leaf first (index-aligned with the chain iOS builds). */
    public static TrustExceptions of(List<Entry> entries) {
        requireNonNull(entries, "entries");
        entries.forEach(e -> requireNonNull(e, "entry"));
        return new TrustExceptions(entries);
    }

    /** Leaf first, index-aligned with the chain; trailing empty positions removed. */
    public List<Entry> entries() {
        return entries;
    }

    /**
     * {@code SecTrustSetExceptions}' acceptance test (§12.4): entry 0 names {@code leaf}'s SHA-1, and
     * either the device's exception epoch is 0 or entry 0 was made in that epoch. Exceptions that fail
     * it are discarded by iOS (the call returns false) and change nothing.
     */
    public boolean installableFor(Cert leaf, long epoch) {
        requireNonNull(leaf, "leaf");
        if (entries.isEmpty()) {
            return false;
        }
        Entry first = entries.get(0);
        if (first.sha1 == null || !Arrays.equals(first.sha1, sha1Of(leaf))) {
            return false;
        }
        return epoch == 0 || first.resetCount.equals(OptionalLong.of(epoch));
    }

    /** Whether the entry at {@code index} excepts {@code check} for {@code certificate} (now at that index). */
    public boolean excepts(int index, Cert certificate, String check) {
        return index >= 0 && index < entries.size() && entries.get(index).excepts(certificate, check);
    }

    /** The certificate's SHA-1 (the library's parsed certificates keep it). */
    private static byte[] sha1Of(Cert certificate) {
        return CertificateInput.fromCert(requireNonNull(certificate, "certificate"))
                .sha1();
    }

    /** The same exceptions stamped with a non-zero epoch as {@code ExceptionResetCount} (0: none). */
    TrustExceptions withResetCount(long epoch) {
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.isEmpty() ? e : e.withResetCount(epoch));
        }
        return new TrustExceptions(out);
    }

    // ------------------------------------------------------------------ Apple's property-list form

    /** Apple's form: a binary property list, an array of dictionaries (what {@code SecTrustCopyExceptions} returns). */
    public byte[] toPlist() {
        NSArray array = new NSArray(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            NSDictionary d = new NSDictionary();
            for (String check : e.checks) {
                d.put(check, new NSNumber(false)); // Apple's failure value for a failed check
            }
            if (e.sha1 != null) {
                d.put(SHA1_DIGEST, new NSData(e.sha1));
            }
            e.resetCount.ifPresent(r -> d.put(RESET_COUNT, new NSNumber(r)));
            array.setValue(i, d);
        }
        try {
            return BinaryPropertyListWriter.writeToArray(array);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a property list", e);
        }
    }

    /**
     * Reads Apple's form (binary or XML property list): an array whose entries are dictionaries with an
     * optional {@code SHA1Digest} (20 bytes), an optional {@code ExceptionResetCount} (integer) and check
     * names. A check counts as excepted only with the value {@code false} (the value iOS records for a
     * failed check; iOS excepts a failure only when the stored value equals the recorded one).
     *
     * @throws IllegalArgumentException with the reason, for anything else
     */
    public static TrustExceptions fromPlist(byte[] plist) {
        requireNonNull(plist, "plist");
        Object root;
        try {
            root = StrictPlist.read(plist);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("exceptions: " + e.getMessage(), e);
        }
        if (!(root instanceof List<?> array)) {
            throw new IllegalArgumentException("exceptions: the property list must be an array of dictionaries, not "
                    + (root instanceof Map
                            ? "a dictionary"
                            : root == null ? "empty" : root.getClass().getSimpleName()));
        }
        List<Entry> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.get(i) instanceof Map<?, ?> dictionary)) {
                throw new IllegalArgumentException("exceptions: entry " + i + " is not a dictionary");
            }
            byte[] sha1 = null;
            OptionalLong reset = OptionalLong.empty();
            Set<String> checks = new LinkedHashSet<>();
            for (Map.Entry<?, ?> e : dictionary.entrySet()) {
                Object value = e.getValue();
                if (e.getKey().equals(SHA1_DIGEST)) {
                    if (!(value instanceof byte[] data) || data.length != 20) {
                        throw new IllegalArgumentException(
                                "exceptions: entry " + i + ": SHA1Digest must be 20 bytes of data");
                    }
                    sha1 = data;
                } else if (e.getKey().equals(RESET_COUNT)) {
                    if (!(value instanceof Long n)) {
                        throw new IllegalArgumentException(
                                "exceptions: entry " + i + ": ExceptionResetCount must be an integer");
                    }
                    reset = OptionalLong.of(n);
                } else if (Boolean.FALSE.equals(value)) {
                    checks.add((String) e.getKey()); // dictionary keys are strings
                }
            }
            out.add(new Entry(sha1, checks, reset));
        }
        return new TrustExceptions(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrustExceptions t && t.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "TrustExceptions" + entries;
    }
}
