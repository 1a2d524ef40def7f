package io.github.sectrust4j.text;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ForwardingMap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A finding's evidence built on first read: the same map (entries, order, {@code equals}, {@code hashCode},
 * {@code toString}) as building it at once, but an evaluation whose caller never reads it does not pay for it.
 * Worth it only for large evidence most callers ignore (the CT note's per-SCT records, a few KB per evaluation).
 *
 * <p>Built at most once, by {@link StableOrder#evidence} (a run-independent order); safe to read from any thread
 * (the build reads immutable inputs only, and a race builds equal maps). {@link #containsKey} answers a name that
 * is not among the declared possible names without building: the recorder asks every finding for its
 * suppression marker. A build with a name outside them is a bug and fails loudly.
 */
public final class DeferredEvidence extends ForwardingMap<String, Object> {
    private final Supplier<? extends Map<String, ?>> build;
    private final ImmutableSet<String> possibleNames;
    /** {@code build} makes the map in its final form: {@link StableOrder#evidence} would return it as it is. */
    private final boolean ordered;

    private volatile ImmutableMap<String, Object> built;

    private DeferredEvidence(
            Supplier<? extends Map<String, ?>> build, ImmutableSet<String> possibleNames, boolean ordered) {
        this.build = requireNonNull(build, "build");
        this.possibleNames = requireNonNull(possibleNames, "possibleNames");
        this.ordered = ordered;
    }

    /**
     * Evidence {@code build} makes when first read.
     *
     * @param build         makes the evidence from immutable inputs (called at most once per winning thread)
     * @param possibleNames every name {@code build} can put
     */
    public static DeferredEvidence of(Supplier<? extends Map<String, ?>> build, ImmutableSet<String> possibleNames) {
        return new DeferredEvidence(build, possibleNames, false);
    }

    /**
     * As {@link #of}, for a {@code build} that makes the evidence in its final form: Guava's immutable maps and
     * lists of strings, numbers, booleans and such maps and lists, whose order is the one to report, so that
     * {@link StableOrder#evidence} would return it unchanged. Its walk over every nested value (a few hundred for
     * the CT note's per-SCT records) is then not made; tests pin that it would return the same map.
     *
     * @param build         makes the evidence in its final form (called at most once per winning thread)
     * @param possibleNames every name {@code build} can put
     */
    public static DeferredEvidence ofOrdered(
            Supplier<? extends ImmutableMap<String, Object>> build, ImmutableSet<String> possibleNames) {
        return new DeferredEvidence(build, possibleNames, true);
    }

    /** True once the evidence was built (a read happened). */
    public boolean isBuilt() {
        return built != null;
    }

    @Override
    protected ImmutableMap<String, Object> delegate() {
        ImmutableMap<String, Object> m = built;
        if (m == null) {
            m = ordered ? finalForm(build.get()) : StableOrder.evidence(build.get());
            for (String name : m.keySet()) {
                if (!possibleNames.contains(name)) {
                    throw new IllegalStateException("evidence name '" + name + "' is not declared as possible");
                }
            }
            built = m;
        }
        return m;
    }

    @SuppressWarnings("unchecked") // ofOrdered's build makes an ImmutableMap<String, Object>
    private static ImmutableMap<String, Object> finalForm(Map<String, ?> m) {
        return (ImmutableMap<String, Object>) m;
    }

    @Override
    public boolean containsKey(Object key) {
        return possibleNames.contains(key) && delegate().containsKey(key);
    }
}
