package io.github.sectrust4j.revocation;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.plist.StrictPlist;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The format-3 ("N-to-1") member filter of a Valid group: a bit array ({@code xor}) and a list of
 * hash seeds ({@code params}), stored as an XML property list, usually zlib-compressed (spec §9.2).
 *
 * <p>Membership follows Apple's published algorithm: for each seed p, h = 2166136261 XOR p, then
 * for each serial byte from the last to the first h = (h XOR byte) × 16777619 mod 2^32 (FNV-1a
 * steps); the bit h mod (8 × bytes) must be set (bit i of byte i/8, least significant first). A
 * miss means "definitely not on the list"; a hit means only "possibly on the list". The 2023
 * snapshot holds no known member, so positives cannot be confirmed against real data; the
 * decision logic never treats a hit as definitive (§9.2 step 5), so a wrong hit can only trigger
 * OCSP, never a false "revoked" or "trusted".
 */
public final class ValidFilter {
    private static final long FNV_OFFSET_BASIS = 2166136261L;
    private static final long FNV_PRIME = 16777619L;
    private static final int MAX_INFLATED = 16 * 1024 * 1024;

    private final byte[] bits;
    private final List<Integer> seeds;

    private ValidFilter(byte[] bits, List<Integer> seeds) {
        this.bits = bits;
        this.seeds = seeds;
    }

    /** A filter from its parts (for tests and in-memory databases). */
    public static ValidFilter of(byte[] bits, List<Integer> seeds) {
        requireNonNull(bits, "bits");
        if (bits.length == 0) {
            throw new IllegalArgumentException("empty filter bit array");
        }
        return new ValidFilter(bits.clone(), List.copyOf(seeds));
    }

    /**
     * Parses a group's {@code data} blob.
     *
     * @throws IllegalArgumentException if it is neither a (zlib-compressed) plist with {@code xor}
     *                                  data and integer {@code params}
     */
    public static ValidFilter parse(byte[] blob) {
        requireNonNull(blob, "blob");
        byte[] plist = inflateIfCompressed(blob);
        Object root;
        try {
            root = StrictPlist.read(plist);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format-3 filter is not a property list: " + e.getMessage(), e);
        }
        if (!(root instanceof Map<?, ?> dict)) {
            throw new IllegalArgumentException("format-3 filter is not a dictionary");
        }
        Object xor = dict.get("xor");
        Object params = dict.get("params");
        if (!(xor instanceof byte[] bits) || !(params instanceof List<?> list)) {
            throw new IllegalArgumentException("format-3 filter lacks 'xor' data or 'params' array");
        }
        List<Integer> seeds = new ArrayList<>();
        for (Object param : list) {
            // iOS skips entries that are not 32-bit integers
            if (param instanceof Long value && value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
                seeds.add(value.intValue());
            }
        }
        return of(bits, seeds);
    }

    /** True if {@code serial} (as normalised by {@link ValidQuery}) is possibly on the list; false if definitely not. */
    public boolean mightContain(byte[] serial) {
        requireNonNull(serial, "serial");
        if (serial.length == 0) {
            return false;
        }
        long bitCount = (long) bits.length * 8;
        for (int seed : seeds) {
            long h = FNV_OFFSET_BASIS ^ (seed & 0xFFFFFFFFL);
            for (int i = serial.length - 1; i >= 0; i--) {
                h = ((h ^ (serial[i] & 0xFF)) * FNV_PRIME) & 0xFFFFFFFFL;
            }
            long bit = h % bitCount;
            if ((bits[(int) (bit / 8)] & (1 << (bit % 8))) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Fraction of set bits (evidence of how selective the filter is). */
    public double fillRatio() {
        int set = 0;
        for (byte b : bits) {
            set += Integer.bitCount(b & 0xFF);
        }
        return set / (bits.length * 8.0);
    }

    public int seedCount() {
        return seeds.size();
    }

    private static byte[] inflateIfCompressed(byte[] blob) {
        // zlib header: CMF 0x78 and (CMF*256 + FLG) divisible by 31
        if (blob.length < 2 || (blob[0] & 0xFF) != 0x78 || (((blob[0] & 0xFF) << 8) | (blob[1] & 0xFF)) % 31 != 0) {
            return blob;
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(blob);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("format-3 filter: truncated zlib data");
                }
                out.write(buffer, 0, n);
                if (out.size() > MAX_INFLATED) {
                    throw new IllegalArgumentException("format-3 filter inflates beyond 16 MiB");
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("format-3 filter: bad zlib data: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
