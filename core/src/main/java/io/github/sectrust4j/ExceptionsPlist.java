package io.github.sectrust4j;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import com.dd.plist.NSNumber;
import com.dd.plist.NSObject;
import com.dd.plist.NSString;
import com.dd.plist.XMLPropertyListParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the property list of the user's exceptions (§12.4) into plain values: an array of
 * dictionaries whose keys are strings and whose values are {@code byte[]} (data), {@code Boolean},
 * {@code Long} (integer) or {@code String}; values of any other type are dropped (no exception key has
 * them). Binary property lists ({@code bplist00}) are read here, strictly and with every count and
 * offset checked against the bytes present — a general parser allocates what a crafted count declares
 * (gigabytes from a few bytes) and prints warnings for damaged input. XML property lists go to
 * dd-plist's XML parser (no external entities). Every problem is an {@link IllegalArgumentException}
 * starting with {@code "exceptions: "}.
 */
final class ExceptionsPlist {
    private static final int MAX_OBJECTS = 100_000;

    private final byte[] b;
    private final int offsetTableStart;
    private final int offsetIntSize;
    private final int refSize;
    private final int numObjects;

    private ExceptionsPlist(byte[] b, int offsetTableStart, int offsetIntSize, int refSize, int numObjects) {
        this.b = b;
        this.offsetTableStart = offsetTableStart;
        this.offsetIntSize = offsetIntSize;
        this.refSize = refSize;
        this.numObjects = numObjects;
    }

    static List<Map<String, Object>> read(byte[] data) {
        if (startsWith(data, "bplist00")) {
            return binary(data);
        }
        if (startsWith(data, "bplist") && data.length >= 8) {
            throw problem("unsupported binary property list version " + new String(data, 6, 2, StandardCharsets.US_ASCII));
        }
        if (!looksLikeXml(data)) {
            throw problem("not a property list (neither binary \"bplist00\" nor XML)");
        }
        return xml(data);
    }

    /** Optional UTF-8 byte-order mark and whitespace, then '<'. */
    private static boolean looksLikeXml(byte[] data) {
        int i = data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf ? 3 : 0;
        while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r' || data[i] == '\n')) {
            i++;
        }
        return i < data.length && data[i] == '<';
    }

    // ------------------------------------------------------------------ binary

    private static List<Map<String, Object>> binary(byte[] b) {
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
        if (numObjects < 1 || numObjects > MAX_OBJECTS || top < 0 || top >= numObjects) {
            throw problem("binary property list trailer declares " + numObjects + " objects (top " + top + ")");
        }
        if (tableStart < 8 || tableStart + numObjects * offsetIntSize > t) {
            throw problem("binary property list offset table lies outside the data");
        }
        ExceptionsPlist p = new ExceptionsPlist(b, (int) tableStart, offsetIntSize, refSize, (int) numObjects);
        int root = p.offset(top);
        int marker = b[root] & 0xff;
        if (marker >>> 4 != 0xA) {
            throw problem("the property list must be an array of dictionaries, not " + typeName(marker));
        }
        int[] count = p.count(root);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < count[0]; i++) {
            int at = p.offset(p.ref(count[1] + (long) i * refSize));
            if ((b[at] & 0xff) >>> 4 != 0xD) {
                throw problem("entry " + i + " is not a dictionary");
            }
            out.add(p.dictionary(at, i));
        }
        return out;
    }

    private Map<String, Object> dictionary(int at, int entry) {
        int[] count = count(at);
        long keys = count[1];
        long values = keys + (long) count[0] * refSize;
        Map<String, Object> out = new LinkedHashMap<>();
        for (int k = 0; k < count[0]; k++) {
            Object key = scalar(offset(ref(keys + (long) k * refSize)));
            if (!(key instanceof String name)) {
                throw problem("entry " + entry + " has a key that is not a string");
            }
            Object value = scalar(offset(ref(values + (long) k * refSize)));
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }

    /** A data, boolean, integer or string object; null for any other type. */
    private Object scalar(int at) {
        int marker = b[at] & 0xff;
        int type = marker >>> 4;
        switch (type) {
            case 0x0:
                return marker == 0x08 ? Boolean.FALSE : marker == 0x09 ? Boolean.TRUE : null;
            case 0x1: {
                int n = 1 << (marker & 0xf);
                if (n > 8) {
                    return null; // 128-bit integers: not an exception value
                }
                need(at + 1, n);
                return be(b, at + 1, n);
            }
            case 0x4: {
                int[] c = count(at);
                need(c[1], c[0]);
                return java.util.Arrays.copyOfRange(b, c[1], c[1] + c[0]);
            }
            case 0x5: {
                int[] c = count(at);
                need(c[1], c[0]);
                return new String(b, c[1], c[0], StandardCharsets.US_ASCII);
            }
            case 0x6: {
                int[] c = count(at);
                need(c[1], c[0] * 2L);
                return new String(b, c[1], c[0] * 2, StandardCharsets.UTF_16BE);
            }
            default:
                return null;
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
            throw problem("binary property list declares a length of " + count + " at offset " + at
                    + " in " + b.length + " bytes");
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

    private static String typeName(int marker) {
        return switch (marker >>> 4) {
            case 0xD -> "a dictionary";
            case 0x5, 0x6 -> "a string";
            case 0x4 -> "data";
            case 0x1 -> "an integer";
            default -> "type 0x" + Integer.toHexString(marker >>> 4);
        };
    }

    // ------------------------------------------------------------------ XML

    private static List<Map<String, Object>> xml(byte[] data) {
        NSObject root;
        try {
            // dd-plist's builder (no external entities or DTDs), silent: errors become our message, not stderr
            javax.xml.parsers.DocumentBuilder builder = XMLPropertyListParser.getDocBuilder();
            builder.setErrorHandler(SILENT);
            root = XMLPropertyListParser.parse(builder.parse(new java.io.ByteArrayInputStream(data)));
        } catch (Exception | StackOverflowError e) {
            throw new IllegalArgumentException("exceptions: not a property list (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
        if (!(root instanceof NSArray array)) {
            throw problem("the property list must be an array of dictionaries, not "
                    + (root == null ? "empty" : root.getClass().getSimpleName()));
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < array.count(); i++) {
            if (!(array.objectAtIndex(i) instanceof NSDictionary d)) {
                throw problem("entry " + i + " is not a dictionary");
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            for (String key : d.allKeys()) {
                NSObject v = d.objectForKey(key);
                if (v instanceof NSData bytes) {
                    entry.put(key, bytes.bytes());
                } else if (v instanceof NSNumber n && n.type() == NSNumber.BOOLEAN) {
                    entry.put(key, n.boolValue());
                } else if (v instanceof NSNumber n && n.type() == NSNumber.INTEGER) {
                    entry.put(key, n.longValue());
                } else if (v instanceof NSString s) {
                    entry.put(key, s.getContent());
                }
            }
            out.add(entry);
        }
        return out;
    }

    /** Reports nothing: a parse error is thrown and turned into the caller's message. */
    private static final org.xml.sax.ErrorHandler SILENT = new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXParseException {
            throw e;
        }
    };

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
        return new IllegalArgumentException("exceptions: " + why);
    }
}
