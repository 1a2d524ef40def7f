package io.github.sectrust4j.plist;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.XMLPropertyListParser;
import io.github.sectrust4j.text.ExceptionText;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilder;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * A strict property-list reader for the plists sectrust4j reads from its callers (the user's exceptions,
 * §12.4) and from files it is pointed at (Apple's Valid database). Values come back as plain Java:
 * dictionary → {@code Map<String, Object>} (insertion order), array → {@code List<Object>}, data →
 * {@code byte[]}, integer → {@code Long}, boolean → {@code Boolean}, string → {@code String}, real →
 * {@code Double}; dates, UIDs and sets → {@code null}.
 *
 * <p>Binary property lists ({@code bplist00}) are read here, with every count and offset checked against
 * the bytes present, nesting at most {@value #MAX_DEPTH} levels — a general parser allocates what a crafted
 * count declares (gigabytes from a few dozen bytes) and prints warnings for damaged input. References
 * may share one object many times, and each reference is materialised as its own copy, so what the
 * reader builds is counted, not what the file holds: at most {@value #MAX_VALUES} values and
 * {@value #MAX_BYTES} bytes of data and string content (600 references to one 2 MB data object would
 * otherwise build 1.2 GB from a 2 MB file). XML property lists (at most about {@value #MAX_VALUES}
 * elements, counted before parsing) go to
 * dd-plist's XML parser (no external entities or DTDs) with a silent error handler. Every problem is an
 * {@link IllegalArgumentException} with the reason. Internal to sectrust4j.
 */
public final class StrictPlist {
    static final int MAX_DEPTH = 32;
    static final int MAX_VALUES = 100_000;
    static final int MAX_BYTES = 8 * 1024 * 1024;

    private final byte[] b;
    private final int offsetTableStart;
    private final int offsetIntSize;
    private final int refSize;
    private final long numObjects;
    private int values;
    private long bytes;

    private StrictPlist(byte[] b, int offsetTableStart, int offsetIntSize, int refSize, long numObjects) {
        this.b = b;
        this.offsetTableStart = offsetTableStart;
        this.offsetIntSize = offsetIntSize;
        this.refSize = refSize;
        this.numObjects = numObjects;
    }

    /** The property list's top value. */
    public static Object read(byte[] data) {
        if (startsWith(data, "bplist00")) {
            return binary(data);
        }
        if (startsWith(data, "bplist") && data.length >= 8) {
            throw problem(
                    "unsupported binary property list version " + new String(data, 6, 2, StandardCharsets.US_ASCII));
        }
        if (!looksLikeXml(data)) {
            throw problem("not a property list (neither binary \"bplist00\" nor XML)");
        }
        return xml(data);
    }

    // ------------------------------------------------------------------ binary

    private static Object binary(byte[] b) {
        if (b.length < 8 + 32) {
            throw problem("binary property list truncated (" + b.length + " bytes)");
        }
        int t = b.length - 32;
        int offsetIntSize = b[t + 6] & 0xff;
        int refSize = b[t + 7] & 0xff;
        long numObjects = be(b, t + 8, 8);
        long top = be(b, t + 16, 8);
        long tableStart = be(b, t + 24, 8);
        if (offsetIntSize < 1 || offsetIntSize > 8 || refSize < 1 || refSize > 8) {
            throw problem("binary property list trailer has invalid integer sizes");
        }
        if (numObjects < 1 || numObjects > t || top < 0 || top >= numObjects) {
            throw problem("binary property list trailer declares " + numObjects + " objects (top " + top + ")");
        }
        if (tableStart < 8 || tableStart + numObjects * offsetIntSize > t) {
            throw problem("binary property list offset table lies outside the data");
        }
        StrictPlist p = new StrictPlist(b, (int) tableStart, offsetIntSize, refSize, numObjects);
        return p.value(top, 0);
    }

    private Object value(long index, int depth) {
        if (depth > MAX_DEPTH) {
            throw problem("binary property list nests deeper than " + MAX_DEPTH + " levels");
        }
        if (++values > MAX_VALUES) {
            throw problem("binary property list expands to more than " + MAX_VALUES
                    + " values (shared objects count once per reference)");
        }
        int at = offset(index);
        int marker = b[at] & 0xff;
        switch (marker >>> 4) {
            case 0x0:
                return marker == 0x08 ? Boolean.FALSE : marker == 0x09 ? Boolean.TRUE : null;
            case 0x1: {
                int n = 1 << (marker & 0xf);
                if (n > 8) {
                    return null; // 128-bit integers: nothing sectrust4j reads
                }
                need(at + 1, n);
                return be(b, at + 1, n);
            }
            case 0x2: {
                int n = 1 << (marker & 0xf);
                need(at + 1, n);
                if (n == 4) {
                    return (double) Float.intBitsToFloat((int) be(b, at + 1, 4));
                }
                return n == 8 ? Double.longBitsToDouble(be(b, at + 1, 8)) : null;
            }
            case 0x4: {
                int[] c = count(at);
                need(c[1], c[0]);
                materialise(c[0]);
                return Arrays.copyOfRange(b, c[1], c[1] + c[0]);
            }
            case 0x5: {
                int[] c = count(at);
                need(c[1], c[0]);
                materialise(c[0]);
                return new String(b, c[1], c[0], StandardCharsets.US_ASCII);
            }
            case 0x6: {
                int[] c = count(at);
                need(c[1], c[0] * 2L);
                materialise(c[0] * 2L);
                return new String(b, c[1], c[0] * 2, StandardCharsets.UTF_16BE);
            }
            case 0xA: {
                int[] c = count(at);
                need(c[1], (long) c[0] * refSize);
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < c[0]; i++) {
                    out.add(value(ref(c[1] + (long) i * refSize), depth + 1));
                }
                return out;
            }
            case 0xD: {
                int[] c = count(at);
                long keys = c[1];
                long vals = keys + (long) c[0] * refSize;
                need(keys, 2L * c[0] * refSize);
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < c[0]; i++) {
                    Object key = value(ref(keys + (long) i * refSize), depth + 1);
                    if (!(key instanceof String name)) {
                        throw problem("binary property list has a dictionary key that is not a string");
                    }
                    out.put(name, value(ref(vals + (long) i * refSize), depth + 1));
                }
                return out;
            }
            default:
                return null; // date, UID, set: nothing sectrust4j reads
        }
    }

    /** Counts content bytes the reader copies out (data, strings). */
    private void materialise(long n) {
        bytes += n;
        if (bytes > MAX_BYTES) {
            throw problem("binary property list expands to more than " + MAX_BYTES
                    + " bytes of data and strings (shared objects count once per reference)");
        }
    }

    /** {count, first content byte} of an object with a length in its marker (or in a following integer). */
    private int[] count(int at) {
        int info = b[at] & 0xf;
        if (info != 0xf) {
            return new int[] {info, at + 1};
        }
        need(at + 1, 1);
        int intMarker = b[at + 1] & 0xff;
        if (intMarker >>> 4 != 0x1 || (intMarker & 0xf) > 3) {
            throw problem("binary property list has a malformed length at offset " + at);
        }
        int n = 1 << (intMarker & 0xf);
        need(at + 2, n);
        long count = be(b, at + 2, n);
        if (count < 0 || count > offsetTableStart) {
            throw problem("binary property list declares a length of " + count + " at offset " + at + " in " + b.length
                    + " bytes");
        }
        return new int[] {(int) count, at + 2 + n};
    }

    private long ref(long at) {
        need(at, refSize);
        return be(b, (int) at, refSize);
    }

    /** The start of object {@code index}, inside the object area. */
    private int offset(long index) {
        if (index < 0 || index >= numObjects) {
            throw problem("binary property list refers to object " + index + " of " + numObjects);
        }
        long o = be(b, (int) (offsetTableStart + index * offsetIntSize), offsetIntSize);
        if (o < 8 || o >= offsetTableStart) {
            throw problem("binary property list object " + index + " lies outside the data");
        }
        return (int) o;
    }

    /** {@code length} bytes from {@code at} lie inside the object area. */
    private void need(long at, long length) {
        if (at < 8 || length < 0 || at + length > offsetTableStart) {
            throw problem("binary property list truncated at offset " + at);
        }
    }

    private static long be(byte[] b, int at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (b[at + i] & 0xff);
        }
        return v;
    }

    // ------------------------------------------------------------------ XML

    /** Reports nothing: a parse error is thrown and becomes the caller's message. */
    private static final ErrorHandler SILENT = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private static Object xml(byte[] data) {
        // the DOM costs tens of bytes per element: bound the elements before building it
        long tags = 0;
        for (byte x : data) {
            if (x == '<') {
                tags++;
            }
        }
        if (tags > 2L * MAX_VALUES + 16) {
            throw problem("XML property list has more than " + MAX_VALUES + " values");
        }
        try {
            // dd-plist's builder: no external entities or DTDs
            DocumentBuilder builder = XMLPropertyListParser.getDocBuilder();
            builder.setErrorHandler(SILENT);
            return plain(XMLPropertyListParser.parse(builder.parse(new ByteArrayInputStream(data))), 0);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception | StackOverflowError e) {
            throw problem("not a property list (" + ExceptionText.described(e) + ")");
        }
    }

    private static Object plain(NSObject o, int depth) {
        if (depth > MAX_DEPTH) {
            throw problem("XML property list nests deeper than " + MAX_DEPTH + " levels");
        }
        if (o instanceof NSDictionary d) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (String key : d.allKeys()) {
                out.put(key, plain(d.objectForKey(key), depth + 1));
            }
            return out;
        }
        if (o instanceof NSArray a) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < a.count(); i++) {
                out.add(plain(a.objectAtIndex(i), depth + 1));
            }
            return out;
        }
        if (o instanceof NSData data) {
            return data.bytes();
        }
        if (o instanceof NSNumber n) {
            return n.type() == NSNumber.BOOLEAN
                    ? (Object) n.boolValue()
                    : n.type() == NSNumber.INTEGER ? (Object) n.longValue() : (Object) n.doubleValue();
        }
        if (o instanceof NSString s) {
            return s.getContent();
        }
        return null;
    }

    /** Optional UTF-8 byte-order mark and whitespace, then '<'. */
    private static boolean looksLikeXml(byte[] data) {
        int i = data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf
                ? 3
                : 0;
        while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) {
            i++;
        }
        return i < data.length && data[i] == '<';
    }

    private static boolean startsWith(byte[] data, String prefix) {
        if (data.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (data[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException problem(String why) {
        return new IllegalArgumentException(why);
    }
}
