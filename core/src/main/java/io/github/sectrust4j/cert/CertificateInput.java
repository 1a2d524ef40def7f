package io.github.sectrust4j.cert;

import io.github.sectrust4j.Cert;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.text.ExceptionText;
import io.github.sectrust4j.text.Excerpt;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.cert.X509CertificateHolder;

/**
 * Turns caller input (PEM text, DER, lists, JCA certificates) into parsed {@link Certificate}s.
 * Every problem surfaces as a {@link CertificateInputException} naming the position, e.g.
 * {@code chain[1] (PEM block 2) is not a certificate: DER length 1200 exceeds the 800 bytes present}.
 */
public final class CertificateInput {
    private static final Pattern BEGIN = Pattern.compile("-----BEGIN ([^-\\r\\n]*)-----");
    /** Where every match of {@link #BEGIN} starts. */
    private static final String BEGIN_MARK = "-----BEGIN ";

    /** The BEGIN line of a certificate: where {@link #BEGIN} matches with the label CERTIFICATE. */
    private static final String CERTIFICATE_BEGIN = "-----BEGIN CERTIFICATE-----";

    private static final String CERTIFICATE_END = "-----END CERTIFICATE-----";

    private static final int MAX_INPUT = 64 * 1024 * 1024;

    private CertificateInput() {}

    /** The same problem, re-addressed to a position in the input (message gets a position prefix). */
    static CertificateInputException at(CertificateInputException e, int index, String prefix) {
        CertificateInputException moved =
                new CertificateInputException(index, e.reason(), prefix + " is not a certificate: " + e.reason());
        if (e.getCause() != null) {
            moved.initCause(e.getCause());
        }
        return moved;
    }

    /** Parses one or more PEM blocks; text outside blocks is ignored; every block must be a CERTIFICATE. */
    public static List<Certificate> fromPem(String text) {
        return readPem(text, -1, null, null);
    }

    /** As {@link #fromPem(String)}, taking certificates already parsed from {@code parsed} (and adding to it). */
    public static List<Certificate> fromPem(String text, ParsedCertificates parsed) {
        return readPem(text, -1, null, parsed);
    }

    /**
     * A server's chain as PEM text: as {@link #fromPem}, except that a well-formed CERTIFICATE block after
     * the leaf which iOS's parser refuses is recorded in the result instead of failing the input.
     *
     * @param firstPosition position of this text's first block among all certificates sent (0 = it starts with the leaf)
     * @param unparseable   receives the refused blocks, by position among all certificates sent
     */
    public static List<Certificate> serverChainPem(
            String text, int firstPosition, List<ServerChain.Unparseable> unparseable) {
        return readPem(text, firstPosition, unparseable, null);
    }

    /** As {@link #serverChainPem(String, int, List)}, taking certificates already parsed from {@code parsed}. */
    public static List<Certificate> serverChainPem(
            String text, int firstPosition, List<ServerChain.Unparseable> unparseable, ParsedCertificates parsed) {
        return readPem(text, firstPosition, unparseable, parsed);
    }

    /** A server's chain from PEM text or one DER certificate ({@link #parse}, tolerant as {@link #serverChainPem}). */
    public static ServerChain serverChain(byte[] pemOrDer) {
        if (pemOrDer != null && pemOrDer.length > 0 && (pemOrDer[0] & 0xff) != 0x30 && pemOrDer.length <= MAX_INPUT) {
            String text = new String(pemOrDer, StandardCharsets.ISO_8859_1);
            if (text.contains("-----BEGIN")) {
                return serverChain(text);
            }
        }
        return ServerChain.of(parse(pemOrDer));
    }

    /** A server's chain from PEM text, tolerant as {@link #serverChainPem}. */
    public static ServerChain serverChain(String pem) {
        List<ServerChain.Unparseable> unparseable = new ArrayList<>();
        List<Certificate> certs = readPem(pem, 0, unparseable, null);
        return new ServerChain(certs, unparseable);
    }

    /**
     * A whole DER SEQUENCE of three elements, the first a SEQUENCE (tbsCertificate, signatureAlgorithm,
     * signatureValue): a certificate iOS may refuse on its details. Anything less (truncated, trailing
     * bytes, garbage) is not a certificate at all and stays an input error (a damaged paste, most likely).
     */
    private static boolean certificateShaped(byte[] der) {
        try {
            Der.Tlv outer = Der.read(der, 0, der.length);
            if (outer.tag() != 0x30 || outer.end() != der.length) {
                return false;
            }
            List<Der.Tlv> parts = Der.children(der, outer.contentStart(), outer.end());
            return parts.size() == 3 && parts.get(0).tag() == 0x30;
        } catch (RuntimeException notDer) {
            return false;
        }
    }

    /** {@code firstPosition} < 0: strict; otherwise blocks at overall position ≥ 1 that fail to parse are collected. */
    private static List<Certificate> readPem(
            String text, int firstPosition, List<ServerChain.Unparseable> unparseable, ParsedCertificates parsed) {
        if (text == null || text.isBlank()) {
            throw new CertificateInputException(-1, "empty input", "empty input: no certificate given");
        }
        List<Certificate> out = new ArrayList<>();
        Matcher m = null; // only for a BEGIN line other than a certificate's
        int from = 0;
        int block = 0;
        int skippedKeys = 0;
        // indexOf finds the next candidate fast; a certificate's BEGIN line is what the pattern would match there,
        // anything else the pattern decides, exactly as a search from `from` would
        int candidate;
        while ((candidate = text.indexOf(BEGIN_MARK, from)) >= 0) {
            String label;
            int bodyStart;
            if (text.startsWith(CERTIFICATE_BEGIN, candidate)) {
                label = "CERTIFICATE";
                bodyStart = candidate + CERTIFICATE_BEGIN.length();
            } else {
                m = m == null ? BEGIN.matcher(text) : m;
                if (!m.find(candidate)) {
                    break;
                }
                label = m.group(1);
                bodyStart = m.end();
            }
            String prefix = "chain[" + block + "] (PEM block " + (block + 1) + ")";
            if (label.endsWith("PRIVATE KEY") || label.endsWith("PARAMETERS")) {
                // a server's key file often holds key and chain together (nginx, HAProxy): the key is never read
                int keyEnd = text.indexOf("-----END " + label + "-----", bodyStart);
                if (keyEnd < 0) {
                    String reason = "PEM block \"" + Excerpt.of(label) + "\" has no END line";
                    throw new CertificateInputException(block, reason, prefix + " is not a certificate: " + reason);
                }
                from = keyEnd + label.length() + 14;
                skippedKeys++;
                continue;
            }
            if (!label.equals("CERTIFICATE")) {
                String reason = "PEM label is \"" + Excerpt.of(label) + "\", expected \"CERTIFICATE\"";
                throw new CertificateInputException(block, reason, prefix + " is not a certificate: " + reason);
            }
            String end = CERTIFICATE_END;
            int endAt = text.indexOf(end, bodyStart);
            if (endAt < 0) {
                String reason = "PEM block has no \"" + end + "\" line";
                throw new CertificateInputException(block, reason, prefix + " is not a certificate: " + reason);
            }
            ParsedCertificates.Body key = parsed == null ? null : ParsedCertificates.body(text, bodyStart, endAt);
            Certificate known = key == null ? null : parsed.get(key);
            if (known != null) { // the same body decoded and parsed before: the same certificate
                out.add(known);
                from = endAt + end.length();
                block++;
                continue;
            }
            int nextBegin = text.indexOf(BEGIN_MARK, bodyStart);
            if (nextBegin >= 0
                    && nextBegin < endAt
                    && BEGIN.matcher(text.substring(bodyStart, endAt)).find()) {
                String reason = "PEM block has no \"" + end + "\" line before the next BEGIN line";
                throw new CertificateInputException(block, reason, prefix + " is not a certificate: " + reason);
            }
            byte[] der = decodeBase64(text, bodyStart, endAt, block, prefix);
            try {
                Certificate certificate = Certificate.parseOwned(der); // a fresh array: no copy
                out.add(certificate);
                if (parsed != null) {
                    parsed.put(key, certificate);
                }
            } catch (CertificateInputException e) {
                if (firstPosition < 0 || firstPosition + block == 0 || !certificateShaped(der)) {
                    throw at(e, block, prefix);
                }
                // a certificate iOS's parser refuses, sent after the leaf: a verdict, not an input error
                unparseable.add(new ServerChain.Unparseable(firstPosition + block, e.reason()));
            }
            from = endAt + end.length();
            block++;
        }
        if (block == 0 && skippedKeys > 0) {
            String reason = "it holds a private key and no certificate (expected \"-----BEGIN CERTIFICATE-----\")";
            throw new CertificateInputException(-1, reason, reason);
        }
        if (block == 0) {
            String reason = "no PEM blocks found (expected \"-----BEGIN CERTIFICATE-----\")";
            throw new CertificateInputException(-1, reason, reason);
        }
        return List.copyOf(out);
    }

    /**
     * The bytes the PEM body {@code text[from, to)} encodes: its characters without whitespace, as
     * {@code Base64.getDecoder()} reads them (ISO-8859-1, a character beyond it as {@code ?}), gathered straight
     * from the text into the decoder's input.
     */
    static byte[] decodeBase64(String text, int from, int to, int block, String prefix) {
        byte[] plain = plainBase64(text, from, to);
        if (plain != null) {
            return plain;
        }
        byte[] symbols = new byte[to - from];
        int n = 0;
        // ISO-8859-1 encoding writes one '?' for a surrogate pair (adjacent once whitespace is gone), one per lone half
        boolean afterHighSurrogate = false;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                continue;
            }
            if (c == ':') {
                String reason = "bad base64: PEM headers (e.g. Proc-Type) are not supported";
                throw new CertificateInputException(block, reason, prefix + " is not a certificate: " + reason);
            }
            if (afterHighSurrogate && Character.isLowSurrogate(c)) {
                afterHighSurrogate = false; // the pair's '?' is already written
                continue;
            }
            afterHighSurrogate = Character.isHighSurrogate(c);
            symbols[n++] = c <= 0xff ? (byte) c : (byte) '?';
        }
        if (n == 0) {
            String reason = "PEM block is empty";
            throw new CertificateInputException(block, reason, prefix + " is not a certificate: " + reason);
        }
        try {
            ByteBuffer der = Base64.getDecoder().decode(ByteBuffer.wrap(symbols, 0, n));
            return der.remaining() == der.array().length ? der.array() : Arrays.copyOf(der.array(), der.remaining());
        } catch (IllegalArgumentException e) {
            String reason = "bad base64 (" + e.getMessage() + ")";
            throw new CertificateInputException(block, reason, prefix + " is not a certificate: " + reason);
        }
    }

    /**
     * Each Latin-1 character's base64 value; {@link #WHITESPACE}, {@link #PADDING}, or -1 for any other (all of
     * 128–255): indexed by a character's low byte, with every character beyond Latin-1 made -1 without a branch.
     */
    private static final byte[] BASE64_VALUES = base64Values();

    private static final byte WHITESPACE = -2;
    private static final byte PADDING = -3;

    private static byte[] base64Values() {
        byte[] v = new byte[256];
        Arrays.fill(v, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            v[alphabet.charAt(i)] = (byte) i;
        }
        v[' '] = WHITESPACE;
        v['\t'] = WHITESPACE;
        v['\r'] = WHITESPACE;
        v['\n'] = WHITESPACE;
        v['='] = PADDING;
        return v;
    }

    /**
     * The bytes of a PEM body that holds only base64 symbols and whitespace, in whole 4-symbol units with at most two
     * {@code =} at the end — what {@code Base64.getDecoder()} gives for it (bits after the last byte ignored alike),
     * read straight from the text in one pass; null for anything else, which {@link #decodeBase64} decodes (or
     * refuses) as before. The output is sized before the pass, from the body's length less its line feeds and the
     * {@code =} at its end (a PEM body's only other characters): exact for the usual body, else trimmed after.
     */
    static byte[] plainBase64(String text, int from, int to) {
        int lineFeeds = 0;
        for (int lf = text.indexOf('\n', from); lf >= 0 && lf < to; lf = text.indexOf('\n', lf + 1)) {
            lineFeeds++;
        }
        int trailingPadding = 0;
        for (int i = to - 1; i >= from && trailingPadding < 3; i--) {
            char c = text.charAt(i);
            if (c == '=') {
                trailingPadding++;
            } else if (c != '\n') {
                break;
            }
        }
        int size = (to - from - lineFeeds) / 4 * 3 - Math.min(trailingPadding, 2);
        byte[] out = new byte[Math.max(0, size)];
        int o = 0;
        int bits = 0;
        int n = 0;
        int symbols = 0;
        int padding = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int v = BASE64_VALUES[c & 0xff] | ((0xff - c) >> 31); // c > 0xff: ORed with -1
            if (v >= 0) {
                if (padding > 0) {
                    return null; // a symbol after padding
                }
                symbols++;
                bits = (bits << 6) | v;
                if (++n == 4) {
                    if (o + 3 > out.length) {
                        return null; // not the body the size assumed: decoded the usual way
                    }
                    out[o++] = (byte) (bits >> 16);
                    out[o++] = (byte) (bits >> 8);
                    out[o++] = (byte) bits;
                    bits = 0;
                    n = 0;
                }
            } else if (v == PADDING) {
                padding++;
            } else if (v != WHITESPACE) {
                return null;
            }
        }
        if (symbols == 0 || (symbols + padding) % 4 != 0 || padding > 2 || o + n - 1 > out.length) {
            return null;
        }
        if (n == 3) { // 18 bits: two bytes
            out[o++] = (byte) (bits >> 10);
            out[o++] = (byte) (bits >> 2);
        } else if (n == 2) { // 12 bits: one byte
            out[o++] = (byte) (bits >> 4);
        }
        return o == out.length ? out : Arrays.copyOf(out, o);
    }

    /**
     * Bouncy Castle's view of one DER certificate (the OCSP CertID and the Valid serial are read from it).
     *
     * @throws IllegalArgumentException naming {@code what} if the bytes are not a DER X.509 certificate
     */
    public static X509CertificateHolder bouncyCastleHolder(byte[] der, String what) {
        Objects.requireNonNull(der, what);
        try {
            return new X509CertificateHolder(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a DER X.509 " + what + ": " + ExceptionText.why(e), e);
        }
    }

    /** One DER certificate. */
    public static Certificate fromDer(byte[] der) {
        return Certificate.parse(der);
    }

    /** A chain of DER certificates, leaf first. */
    public static List<Certificate> fromDerList(List<byte[]> ders) {
        if (ders == null || ders.isEmpty()) {
            throw new CertificateInputException(-1, "empty input", "empty input: no certificate given");
        }
        List<Certificate> out = new ArrayList<>(ders.size());
        for (int i = 0; i < ders.size(); i++) {
            try {
                out.add(Certificate.parse(ders.get(i)));
            } catch (CertificateInputException e) {
                throw at(e, i, "chain[" + i + "]");
            }
        }
        return List.copyOf(out);
    }

    /** JCA certificates, re-parsed from their encoding (the JCA parser is more lenient than iOS). */
    public static List<Certificate> fromX509(List<X509Certificate> certs) {
        if (certs == null || certs.isEmpty()) {
            throw new CertificateInputException(-1, "empty input", "empty input: no certificate given");
        }
        List<byte[]> ders = new ArrayList<>(certs.size());
        for (int i = 0; i < certs.size(); i++) {
            try {
                if (certs.get(i) == null) {
                    throw new CertificateEncodingException("null element");
                }
                ders.add(certs.get(i).getEncoded());
            } catch (CertificateEncodingException | RuntimeException e) {
                String reason = "cannot encode X509Certificate (" + ExceptionText.why(e) + ")";
                throw new CertificateInputException(i, reason, "chain[" + i + "] is not a certificate: " + reason);
            }
        }
        return fromDerList(ders);
    }

    /**
     * The library's certificates as they are; any other {@link Cert} implementation re-parsed from its DER.
     *
     * @throws CertificateInputException naming {@code chain[i]} for a null element or a malformed one
     */
    public static List<Certificate> fromCerts(List<? extends Cert> certs) {
        if (certs == null) {
            throw new CertificateInputException(-1, "empty input", "empty input: no certificate given");
        }
        List<Certificate> out = new ArrayList<>(certs.size());
        for (int i = 0; i < certs.size(); i++) {
            Cert c = certs.get(i);
            if (c instanceof Certificate parsed) {
                out.add(parsed);
                continue;
            }
            if (c == null) {
                throw new CertificateInputException(
                        i, "null element", "chain[" + i + "] is not a certificate: null element");
            }
            try {
                out.add(Certificate.parse(c.der()));
            } catch (CertificateInputException e) {
                throw at(e, i, "chain[" + i + "]");
            }
        }
        return List.copyOf(out);
    }

    /**
     * One certificate as {@link #fromCerts}: the library's own as it is, another {@link Cert} re-parsed from its DER.
     *
     * @throws NullPointerException for null
     */
    public static Certificate fromCert(Cert cert) {
        if (cert instanceof Certificate parsed) {
            return parsed;
        }
        java.util.Objects.requireNonNull(cert, "certificate");
        return fromCerts(List.of(cert)).get(0);
    }

    /**
     * Auto-detects PEM text or a single DER certificate. DER is recognized by its leading SEQUENCE
     * tag (0x30); anything containing a "-----BEGIN" line is PEM.
     */
    public static List<Certificate> parse(byte[] pemOrDer) {
        if (pemOrDer == null || pemOrDer.length == 0) {
            throw new CertificateInputException(-1, "empty input", "empty input: no certificate given");
        }
        if (pemOrDer.length > MAX_INPUT) {
            String reason = "input of " + pemOrDer.length + " bytes is too large";
            throw new CertificateInputException(-1, reason, reason);
        }
        if ((pemOrDer[0] & 0xff) == 0x30) {
            try {
                return List.of(Certificate.parse(pemOrDer));
            } catch (CertificateInputException e) {
                throw at(e, 0, "chain[0] (DER)");
            }
        }
        String text = new String(pemOrDer, StandardCharsets.ISO_8859_1);
        if (text.contains("-----BEGIN")) {
            return fromPem(text);
        }
        if (text.isBlank()) {
            throw new CertificateInputException(-1, "empty input", "empty input: no certificate given");
        }
        String reason = "neither DER (first byte is 0x" + String.format("%02x", pemOrDer[0] & 0xff)
                + ", expected 0x30) nor PEM (no \"-----BEGIN CERTIFICATE-----\" line)";
        throw new CertificateInputException(-1, reason, reason);
    }
}
