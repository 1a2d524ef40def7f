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
        return None.INSTANCE;
    }

    default boolean isEmpty() {
        return fields().isEmpty();
    }

    /**
     * This evidence with one more field, for a failure the recorder turns into a note (suppressed by a user
     * exception or an allowed error): the check's own record stays readable through {@link #record()}.
     */
    default Evidence with(String name, Object value) {
        return new Marked(this, name, value);
    }

    /** The check's own record under any markers the recorder added. */
    default Evidence record() {
        return this;
    }

    /** A check's evidence with a marker the recorder added after it (see {@link #with}). */
    record Marked(Evidence base, String name, Object value) implements Evidence {
        @Override
        public Map<String, Object> fields() {
            Map<String, Object> m = new java.util.LinkedHashMap<>(base.fields());
            m.put(name, value);
            return io.github.sectrust4j.text.StableOrder.evidence(m);
        }

        @Override
        public Evidence record() {
            return base.record();
        }

        @Override
        public String toString() {
            return fields().toString();
        }
    }

    /** No evidence (see {@link Evidence#none}). */
    enum None implements Evidence {
        INSTANCE;

        @Override
        public Map<String, Object> fields() {
            return Map.of();
        }

        @Override
        public String toString() {
            return "{}";
        }
    }
}
