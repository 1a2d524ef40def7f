package io.github.sectrust4j.cli;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Values parsed from small inputs that a run's lines repeat in turn (the {@code at} and {@code host} of a few
 * chains cycled): parsing a date or checking a host name again costs more than a lookup. At most
 * {@value #MAX_ENTRIES} are kept, one per slot chosen by the input's hash (a later input of the same slot replaces
 * the one there), so a stream of distinct inputs costs one array store each and no map upkeep; only a successful
 * parse is kept, and parsing must be a pure function of the input. Thread-safe (immutable entries, atomic slots):
 * a race parses twice.
 */
final class RecentlyParsed<K, V> {
    /** Slots: a power of two. */
    static final int MAX_ENTRIES = 256;

    /** The input's hash is kept so that a slot holding another input is passed over without reading that input. */
    private record Entry<K, V>(int hash, K input, V value) {}

    private final AtomicReferenceArray<Entry<K, V>> slots = new AtomicReferenceArray<>(MAX_ENTRIES);

    V get(K input, Function<K, V> parse) {
        int h = input.hashCode();
        int slot = (h ^ (h >>> 16)) & (MAX_ENTRIES - 1);
        Entry<K, V> known = slots.get(slot);
        if (known != null && known.hash() == h && known.input().equals(input)) {
            return known.value();
        }
        V value = parse.apply(input);
        // an entry is immutable (final fields): a release store publishes it, no full fence needed
        slots.setRelease(slot, new Entry<>(h, input, value));
        return value;
    }

    /** How many values are held (tests). */
    int size() {
        int n = 0;
        for (int i = 0; i < MAX_ENTRIES; i++) {
            n += slots.get(i) == null ? 0 : 1;
        }
        return n;
    }
}
