package io.github.sectrust4j.text;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * Evidence reaches the JSON and text reports in its iteration order, so that order must be the same in
 * every run. Maps and sets whose iteration order is fixed by construction (insertion-ordered, sorted,
 * enum-keyed, Guava's immutable collections, or of at most one element) keep it; any other — notably
 * {@code Map.of} / {@code Set.of} / {@code Map.copyOf} with two or more elements, whose order depends on a
 * salt drawn anew by every JVM, and hash-based collections — is sorted by the text of its keys/elements.
 * Nested maps, sets and lists are treated alike. Output bytes are then identical from run to run.
 */
public final class StableOrder {
    private static final Comparator<Object> BY_TEXT = Comparator.comparing(String::valueOf);

    private StableOrder() {}

    /**
     * An immutable copy of {@code evidence} in a run-independent order (nulls dropped); {@code evidence} itself
     * when it already is one (a finding's evidence is built once, not copied again by every layer it passes).
     */
    public static ImmutableMap<String, Object> evidence(Map<String, ?> evidence) {
        @SuppressWarnings("unchecked")
        ImmutableMap<String, Object> m = (ImmutableMap<String, Object>) (ImmutableMap<?, ?>) map(evidence);
        return m;
    }

    /**
     * {@link #evidence} for a finding: {@link DeferredEvidence} is kept as it is (it puts itself in this order when
     * first read), anything else is copied as by {@link #evidence}.
     */
    public static Map<String, Object> findingEvidence(Map<String, ?> evidence) {
        if (evidence instanceof DeferredEvidence deferred) {
            return deferred;
        }
        return evidence(evidence);
    }

    /** True if iterating {@code c} (a Map or Collection) gives the same order in every JVM. */
    public static boolean hasFixedOrder(Object c) {
        if (c instanceof Map<?, ?> m) {
            return m.size() <= 1
                    || m instanceof LinkedHashMap
                    || m instanceof SortedMap
                    || m instanceof EnumMap
                    || m instanceof ImmutableMap
                    || m instanceof DeferredEvidence;
        }
        if (c instanceof Set<?> s) {
            return s.size() <= 1
                    || s instanceof LinkedHashSet
                    || s instanceof SortedSet
                    || s instanceof EnumSet
                    || s instanceof ImmutableSet;
        }
        return c instanceof List || c instanceof Collection<?> col && col.size() <= 1;
    }

    private static ImmutableMap<Object, Object> map(Map<?, ?> m) {
        if (m instanceof ImmutableMap<?, ?> done && isStable(done)) {
            @SuppressWarnings("unchecked")
            ImmutableMap<Object, Object> same = (ImmutableMap<Object, Object>) done;
            return same;
        }
        List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
        if (!hasFixedOrder(m)) {
            entries.sort(Comparator.comparing(e -> String.valueOf(e.getKey())));
        }
        ImmutableMap.Builder<Object, Object> out = ImmutableMap.builderWithExpectedSize(entries.size());
        for (Map.Entry<?, ?> e : entries) {
            if (e.getKey() != null && e.getValue() != null) {
                out.put(e.getKey(), value(e.getValue()));
            }
        }
        return out.build();
    }

    /**
     * True if {@link #value} would return an equal value in the same order: Guava's immutable collections
     * (fixed order, no nulls) whose nested collections are such too; anything else that is not a collection.
     */
    private static boolean isStable(Object v) {
        if (v instanceof String || v instanceof Integer || v instanceof Boolean) {
            return true; // most evidence values: final classes, told apart without the interface tests below
        }
        if (v instanceof ImmutableMap<?, ?> m) {
            for (Object nested : m.values()) {
                if (!isStable(nested)) {
                    return false;
                }
            }
            return true;
        }
        if (v instanceof ImmutableList<?> || v instanceof ImmutableSet<?>) {
            for (Object nested : (Collection<?>) v) {
                if (!isStable(nested)) {
                    return false;
                }
            }
            return true;
        }
        return !(v instanceof Map<?, ?>) && !(v instanceof Collection<?>);
    }

    private static Object value(Object v) {
        if ((v instanceof ImmutableList<?> || v instanceof ImmutableSet<?>) && isStable(v)) {
            return v;
        }
        if (v instanceof Map<?, ?> m) {
            return map(m);
        }
        if (v instanceof Collection<?> c) {
            List<Object> items = new ArrayList<>(c.size());
            for (Object o : c) {
                if (o != null) {
                    items.add(value(o));
                }
            }
            if (!hasFixedOrder(c)) {
                items.sort(BY_TEXT);
            }
            return c instanceof Set ? ImmutableSet.copyOf(items) : ImmutableList.copyOf(items);
        }
        return v;
    }
}
