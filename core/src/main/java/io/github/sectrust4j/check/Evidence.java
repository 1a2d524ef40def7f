package io.github.sectrust4j.check;

import java.util.Map;

/**
 * What a check found, as a typed value: each check declares its own record (one per check, next to the
 * check) and renders it to the report's evidence, names and values in a fixed order (JSON {@code evidence}).
 * Messages, remedies and rules read the record's components, never the rendered map.
 */
public interface Evidence {
    /** The evidence as reports show it; a stable (insertion) order. */
    Map<String, Object> fields();

    /** No evidence. */
    static Evidence none() {
        return Untyped.NONE;
    }

    /**
     * Evidence that has no record of its own yet: a map built by hand. Kept for the checks still to be
     * migrated; typed reads ({@link #get}) go through the map by name.
     */
    static Evidence untyped(Map<String, Object> fields) {
        return fields.isEmpty() ? Untyped.NONE : new Untyped(fields);
    }

    /**
     * A read by name, for untyped evidence only.
     *
     * @deprecated a check reads its own record's components; kept while checks migrate (issue 13)
     */
    @Deprecated
    default Object get(String name) {
        return fields().get(name);
    }

    /** @deprecated see {@link #get} */
    @Deprecated
    default Object getOrDefault(String name, Object otherwise) {
        return fields().getOrDefault(name, otherwise);
    }

    /** @deprecated see {@link #get} */
    @Deprecated
    default boolean containsKey(String name) {
        return fields().containsKey(name);
    }

    default boolean isEmpty() {
        return fields().isEmpty();
    }

    /**
     * This evidence with one more field after its own (a suppressed failure's note says what suppressed it);
     * the check's record stays readable through {@link Failure#evidence(Class)}.
     */
    default Evidence with(String name, Object value) {
        return new Annotated(this, name, value);
    }

    /** A check's evidence and one field added by whoever recorded it (see {@link Evidence#with}). */
    record Annotated(Evidence base, String name, Object value) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new java.util.LinkedHashMap<>(base.fields());
            m.put(name, value);
            return m;
        }

        @Override
        public String toString() {
            return fields().toString();
        }
    }

    /** A hand-built map (see {@link Evidence#untyped}). */
    record Untyped(Map<String, Object> fields) implements Evidence {
        static final Untyped NONE = new Untyped(Map.of());

        public Untyped {
            fields = io.github.sectrust4j.text.StableOrder.evidence(fields);
        }

        @Override
        public String toString() {
            return fields.toString();
        }
    }
}
