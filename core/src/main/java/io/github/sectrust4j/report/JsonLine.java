package io.github.sectrust4j.report;

import com.fasterxml.jackson.core.io.CharTypes;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sectrust4j.text.IsoInstant;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

/**
 * One JSON value written as text, character for character what Jackson's {@code WriterBasedJsonGenerator} (default
 * features) writes for the same calls, with less work a call: no write context, token checks or output pieces,
 * each string escaped while it is copied (by Jackson's own escape table), numbers and instants written in place
 * (no intermediate Strings). Anything else ({@link #object}) is written by the codec as Jackson would. The text
 * is gathered in this thread's buffer and becomes a String in one copy ({@link #take}); the buffer is kept for the
 * thread's next line only up to {@link #KEPT_CHARS}, so a huge answer does not pin its size. One per line, not
 * reentrant, and need not be: nothing it calls writes another line.
 */
public final class JsonLine implements JsonOut {
    private static final int KEPT_CHARS = 1 << 14;
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[8192]);

    /** Jackson's escapes of the ASCII range: 0 none, a character for a two-character escape, -1 for \\u00XX. */
    private static final int[] ESCAPES = CharTypes.get7BitOutputEscapes();

    private static final char[] HEX = CharTypes.copyHexChars(true);

    private static final char[] TRUE = "true".toCharArray();
    private static final char[] FALSE = "false".toCharArray();
    private static final char[] NULL = "null".toCharArray();

    private final ObjectMapper codec;
    private char[] chars = BUFFER.get();
    private int length;

    /** The last thing written was a value or a container's end: the next value or name is a sibling. */
    private boolean sibling;

    /** The last thing written was a name: the next value is its value. */
    private boolean named;

    /** @param codec writes the values of {@link #object}, as the generator's codec */
    public JsonLine(ObjectMapper codec) {
        this.codec = codec;
    }

    @Override
    public void startObject() {
        value();
        put('{');
        sibling = false;
    }

    @Override
    public void endObject() {
        put('}');
        sibling = true;
    }

    @Override
    public void startArray() {
        value();
        put('[');
        sibling = false;
    }

    @Override
    public void endArray() {
        put(']');
        sibling = true;
    }

    @Override
    public void name(String name) {
        if (sibling) {
            put(',');
        }
        quoted(name);
        put(':');
        named = true;
    }

    @Override
    public void string(String text) {
        value();
        quoted(text);
        sibling = true;
    }

    @Override
    public void number(int v) {
        value();
        room(11);
        length = NumberOutput.outputInt(v, chars, length);
        sibling = true;
    }

    @Override
    public void number(long v) {
        value();
        room(20);
        length = NumberOutput.outputLong(v, chars, length);
        sibling = true;
    }

    @Override
    public void bool(boolean v) {
        literal(v ? TRUE : FALSE);
    }

    @Override
    public void nullValue() {
        literal(NULL);
    }

    @Override
    public void instant(Instant t) {
        room(IsoInstant.MAX_WRITTEN + 3); // a comma, the quotes, the instant: value() below cannot grow the buffer
        int at = length;
        int end = IsoInstant.write(t, chars, at + 1 + (sibling && !named ? 1 : 0));
        if (end < 0) {
            string(IsoInstant.format(t)); // a year outside 0000–9999: Instant.toString()
            return;
        }
        value();
        chars[length] = '"';
        chars[end] = '"';
        length = end + 1;
        sibling = true;
    }

    @Override
    public void object(Object v) throws IOException {
        String text = codec.writeValueAsString(v);
        value();
        room(text.length());
        text.getChars(0, text.length(), chars, length);
        length += text.length();
        sibling = true;
    }

    /** The text written; the buffer goes back to the thread (unless it grew past {@link #KEPT_CHARS}). */
    public String take() {
        String text = new String(chars, 0, length);
        if (chars.length <= KEPT_CHARS) {
            BUFFER.set(chars);
        }
        return text;
    }

    /** Before a value: the comma between siblings (a named value has had its comma before the name). */
    private void value() {
        if (named) {
            named = false;
        } else if (sibling) {
            put(',');
        }
    }

    private void literal(char[] text) {
        value();
        room(text.length);
        System.arraycopy(text, 0, chars, length, text.length);
        length += text.length;
        sibling = true;
    }

    /**
     * {@code s} in quotes, escaped as the generator escapes it: the ASCII characters of Jackson's table, every other
     * character as it is (the output's encoder deals with surrogates). Copied in bulk, then escaped in place from the
     * first character that needs it.
     */
    private void quoted(String s) {
        int n = s.length();
        room(n + 2);
        char[] c = chars;
        c[length] = '"';
        int from = length + 1;
        s.getChars(0, n, c, from);
        int end = from + n;
        for (int i = from; i < end; i++) {
            char ch = c[i];
            if (ch < 128 && ESCAPES[ch] != 0) {
                length = i;
                escapeFrom(s, i - from);
                put('"');
                return;
            }
        }
        c[end] = '"';
        length = end + 1;
    }

    /** {@code s} from {@code start} on, escaped, after what is written. */
    private void escapeFrom(String s, int start) {
        int n = s.length();
        for (int i = start; i < n; i++) {
            char ch = s.charAt(i);
            int escape = ch < 128 ? ESCAPES[ch] : 0;
            if (escape == 0) {
                put(ch);
            } else if (escape > 0) {
                room(2);
                chars[length++] = '\\';
                chars[length++] = (char) escape;
            } else {
                room(6);
                chars[length++] = '\\';
                chars[length++] = 'u';
                chars[length++] = '0';
                chars[length++] = '0';
                chars[length++] = HEX[ch >> 4];
                chars[length++] = HEX[ch & 0xF];
            }
        }
    }

    private void put(char ch) {
        room(1);
        chars[length++] = ch;
    }

    /** Makes room for {@code more} characters after the current ones. */
    private void room(int more) {
        if (more > chars.length - length) {
            int needed = Math.addExact(length, more);
            chars = Arrays.copyOf(chars, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8, 2L * chars.length)));
        }
    }
}
