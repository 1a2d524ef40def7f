package io.github.sectrust4j.truststores.tool;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The anchor facts of one certificate (RFC 5914 TrustAnchorInfo style plus what a path
 * validator needs about a root), pulled out of its DER at snapshot time.
 */
final class CertificateFacts {
    byte[] sha256;
    /** SHA-256 of Apple's file when it differs from the certificate's (trailing bytes), else null. */
    byte[] fileSha256;

    byte[] sha1;
    byte[] subject;
    byte[] issuer;
    byte[] serial;
    byte[] spki;
    byte[] subjectKeyId;
    byte[] authorityKeyId;
    long notBefore;
    long notAfter;
    int version;
    /** -1 = extension absent, 0 = cA false, 1 = cA true */
    int basicConstraintsCa = -1;
    /** -1 = no pathLenConstraint */
    int pathLen = -1;
    /** RFC 5280 bit i is (1 << i); -1 = extension absent */
    int keyUsage = -1;

    String signatureAlgorithm;
    boolean selfSigned;
    byte[] nameConstraints;
    final List<String> policies = new ArrayList<>();
    byte[] keySha1;
    byte[] spkiSha256;

    /** Whether the file carried bytes after the certificate (Apple's DigiNotar file does). */
    boolean trailingBytes;

    static CertificateFacts parse(byte[] file) {
        CertificateFacts f = new CertificateFacts();
        Der outer = Der.read(file, 0, file.length);
        f.trailingBytes = outer.end != file.length;
        byte[] der = outer.encoded();
        // fingerprints are over the certificate DER (what a chain presents); Apple names a file
        // with trailing bytes (its DigiNotar root) by the hash of the whole file, kept as an alias
        f.sha256 = digest("SHA-256", der);
        f.sha1 = digest("SHA-1", der);
        f.fileSha256 = f.trailingBytes ? digest("SHA-256", file) : null;
        List<Der> cert = outer.children();
        if (cert.size() != 3) {
            throw new IllegalArgumentException("certificate is not a 3-element SEQUENCE");
        }
        List<Der> tbs = cert.get(0).children();
        int k = 0;
        f.version = 1;
        if (tbs.get(0).isContext(0)) {
            Der v = tbs.get(0).children().get(0);
            f.version = v.content()[v.length() - 1] + 1;
            k++;
        }
        f.serial = tbs.get(k++).content();
        f.signatureAlgorithm = tbs.get(k++).children().get(0).oid();
        f.issuer = tbs.get(k++).encoded();
        List<Der> validity = tbs.get(k++).children();
        f.notBefore = time(validity.get(0));
        f.notAfter = time(validity.get(1));
        f.subject = tbs.get(k++).encoded();
        Der spki = tbs.get(k++);
        f.spki = spki.encoded();
        Der bits = spki.children().get(1);
        // subjectPublicKey BIT STRING contents without the unused-bits byte (§2.2 key SHA-1)
        byte[] keyBits = Arrays.copyOfRange(bits.buf, bits.contentStart + 1, bits.end);
        f.keySha1 = digest("SHA-1", keyBits);
        f.spkiSha256 = digest("SHA-256", f.spki);
        for (; k < tbs.size(); k++) {
            if (tbs.get(k).isContext(3)) {
                for (Der ext : tbs.get(k).children().get(0).children()) {
                    f.extension(ext);
                }
            }
        }
        f.selfSigned = Arrays.equals(f.subject, f.issuer) && verifiesWithOwnKey(der);
        return f;
    }

    private void extension(Der ext) {
        List<Der> parts = ext.children();
        String oid = parts.get(0).oid();
        Der value = parts.get(parts.size() - 1);
        byte[] inner = value.content();
        switch (oid) {
            case "2.5.29.14":
                subjectKeyId = Der.of(inner).content();
                break;
            case "2.5.29.35":
                for (Der c : Der.of(inner).children()) {
                    if (c.isContext(0)) {
                        authorityKeyId = c.content();
                    }
                }
                break;
            case "2.5.29.19": {
                basicConstraintsCa = 0;
                for (Der c : Der.of(inner).children()) {
                    if (c.tag == 0x01) {
                        basicConstraintsCa = c.length() > 0 && c.buf[c.contentStart] != 0 ? 1 : 0;
                    } else if (c.tag == 0x02) {
                        pathLen = new java.math.BigInteger(c.content()).intValueExact();
                    }
                }
                break;
            }
            case "2.5.29.15": {
                Der b = Der.of(inner);
                int mask = 0;
                for (int p = b.contentStart + 1; p < b.end; p++) {
                    int byteIndex = p - b.contentStart - 1;
                    for (int bit = 0; bit < 8; bit++) {
                        if ((b.buf[p] & (0x80 >> bit)) != 0) {
                            mask |= 1 << (byteIndex * 8 + bit);
                        }
                    }
                }
                keyUsage = mask;
                break;
            }
            case "2.5.29.30":
                nameConstraints = inner;
                break;
            case "2.5.29.32":
                for (Der info : Der.of(inner).children()) {
                    policies.add(info.children().get(0).oid());
                }
                break;
            default:
                break;
        }
    }

    private static boolean verifiesWithOwnKey(byte[] der) {
        try {
            X509Certificate c = (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
            c.verify(c.getPublicKey());
            return true;
        } catch (Exception e) {
            // unverifiable (bad signature or algorithm the JDK lacks): not self-signed
            return false;
        }
    }

    static long time(Der t) {
        String s = new String(t.content(), java.nio.charset.StandardCharsets.US_ASCII);
        int year;
        String rest;
        if (t.tag == 0x17) {
            int yy = Integer.parseInt(s.substring(0, 2));
            year = yy < 50 ? 2000 + yy : 1900 + yy;
            rest = s.substring(2);
        } else if (t.tag == 0x18) {
            year = Integer.parseInt(s.substring(0, 4));
            rest = s.substring(4);
        } else {
            throw new IllegalArgumentException("not a time: tag " + t.tag);
        }
        int month = Integer.parseInt(rest.substring(0, 2));
        int day = Integer.parseInt(rest.substring(2, 4));
        int hour = Integer.parseInt(rest.substring(4, 6));
        int minute = Integer.parseInt(rest.substring(6, 8));
        int p = 8;
        int second = 0;
        if (rest.length() > p + 1 && Character.isDigit(rest.charAt(p))) {
            second = Integer.parseInt(rest.substring(p, p + 2));
            p += 2;
        }
        int offsetSeconds = 0;
        if (p < rest.length() && (rest.charAt(p) == '+' || rest.charAt(p) == '-')) {
            int sign = rest.charAt(p) == '-' ? -1 : 1;
            offsetSeconds = sign
                    * (Integer.parseInt(rest.substring(p + 1, p + 3)) * 3600
                            + Integer.parseInt(rest.substring(p + 3, p + 5)) * 60);
        }
        return LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC) - offsetSeconds;
    }

    static byte[] digest(String alg, byte[] data) {
        try {
            return MessageDigest.getInstance(alg).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
