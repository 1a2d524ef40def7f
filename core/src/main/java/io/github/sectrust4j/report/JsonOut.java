package io.github.sectrust4j.report;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.sectrust4j.text.IsoInstant;
import java.io.IOException;
import java.time.Instant;

/**
 * Where {@link JsonReport} writes a response object: Jackson's generator ({@link #of}: trees, the library's JSON)
 * or a {@link JsonLine} (the batch answer). The calls are the generator's, each writing the same text.
 */
public interface JsonOut {
    void startObject() throws IOException;

    void endObject() throws IOException;

    void startArray() throws IOException;

    void endArray() throws IOException;

    void name(String name) throws IOException;

    void string(String text) throws IOException;

    void number(int value) throws IOException;

    void number(long value) throws IOException;

    void bool(boolean value) throws IOException;

    void nullValue() throws IOException;

    /** The instant as the string {@link IsoInstant#format} gives. */
    void instant(Instant t) throws IOException;

    /** Any other value, as the generator's codec writes it ({@code writeObject}). */
    void object(Object value) throws IOException;

    default void stringField(String name, String text) throws IOException {
        name(name);
        string(text);
    }

    default void numberField(String name, int value) throws IOException {
        name(name);
        number(value);
    }

    default void boolField(String name, boolean value) throws IOException {
        name(name);
        bool(value);
    }

    default void instantField(String name, Instant t) throws IOException {
        name(name);
        instant(t);
    }

    default void objectField(String name) throws IOException {
        name(name);
        startObject();
    }

    default void arrayField(String name) throws IOException {
        name(name);
        startArray();
    }

    /** Writes into Jackson's {@code g}. */
    static JsonOut of(JsonGenerator g) {
        return new JsonOut() {
            @Override
            public void startObject() throws IOException {
                g.writeStartObject();
            }

            @Override
            public void endObject() throws IOException {
                g.writeEndObject();
            }

            @Override
            public void startArray() throws IOException {
                g.writeStartArray();
            }

            @Override
            public void endArray() throws IOException {
                g.writeEndArray();
            }

            @Override
            public void name(String name) throws IOException {
                g.writeFieldName(name);
            }

            @Override
            public void string(String text) throws IOException {
                g.writeString(text);
            }

            @Override
            public void number(int value) throws IOException {
                g.writeNumber(value);
            }

            @Override
            public void number(long value) throws IOException {
                g.writeNumber(value);
            }

            @Override
            public void bool(boolean value) throws IOException {
                g.writeBoolean(value);
            }

            @Override
            public void nullValue() throws IOException {
                g.writeNull();
            }

            @Override
            public void instant(Instant t) throws IOException {
                g.writeString(IsoInstant.format(t));
            }

            @Override
            public void object(Object value) throws IOException {
                g.writeObject(value);
            }
        };
    }
}
