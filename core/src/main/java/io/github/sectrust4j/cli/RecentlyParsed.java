package io.github.sectrust4j.cli;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Values parsed from small inputs that a run's lines repeat in turn (the {@code at} and {@code host} of a few
 * chains cycled): parsing a date or checking a host name again costs more than a lookup. At most
 * {@value #MAX_ENTRIES} are kept (all are dropped when that many are held, so a stream of distinct inputs costs
 * a bounded map); only a successful parse is kept, and parsing must be a pure function of the input.
 * Thread-safe: a race parses twice.
 */
final class RecentlyParsed<K, V> {
    static final int MAX_ENTRIES = 256;

    private final Map<K, V> values = new ConcurrentHashMap<>();

    V get(K input, Function<K, V> parse) {
        V known = values.get(input);
        if (known != null) {
            return known;
        }
        V value = parse.apply(input);
        if (values.size() >= MAX_ENTRIES) {
            values.clear();
        }
        values.put(input, value);
        return value;
    }

    /** How many values are held (tests). */
    int size() {
        return values.size();
    }
}
