package io.github.sectrust4j;

import static java.util.Objects.requireNonNull;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.text.ExceptionText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * The certificates of one file, whatever container they come in: PEM text (one or many blocks, with
 * any text around them, such as {@code openssl s_client -showcerts} output), one DER certificate,
 * PKCS#7 / CMS certs-only ({@code .p7b}, DER or {@code -----BEGIN PKCS7-----}), PKCS#12
 * ({@code .pfx}/{@code .p12}: the chain of the key entry) or a Java KeyStore (JKS, JCEKS). The format
 * is recognised by content, never by file name.
 *
 * <p>{@link #certificates()} is in chain order, leaf first: as written for PEM and DER, the key
 * entry's chain for a keystore, and for PKCS#7 (whose certificates form an unordered set) the one
 * certificate that issues none of the others first, then its issuers. Private keys are never read.
 *
 * @param format       the container that was recognised
 * @param certificates the certificates, leaf first
 * @param keyEntry     for a keystore: the alias whose chain was taken
 */
public record CertificateBundle(Format format, List<Cert> certificates, Optional<String> keyEntry) {
    /** The container formats recognised. */
    public enum Format {
        PEM("PEM"),
        DER("DER certificate"),
        PKCS7("PKCS#7"),
        PKCS12("PKCS#12"),
        JKS("Java KeyStore (JKS)"),
        JCEKS("Java KeyStore (JCEKS)");

        private final String label;

        Format(String label) {
            this.label = label;
        }

        /** How messages name the format, e.g. {@code PKCS#12}. */
        public String label() {
            return label;
        }

        /** Whether reading this format may need a password. */
        public boolean isKeyStore() {
            return this == PKCS12 || this == JKS || this == JCEKS;
        }
    }

    /** The file is in a recognised container format, but its content cannot be read as one. */
    public static final class UnreadableException extends CertificateInputException {
        private static final long serialVersionUID = 1L;
        private final Format format;

        UnreadableException(Format format, String reason) {
            super(-1, reason, format.label() + ": " + reason);
            this.format = format;
        }

        /** The format the content was read as. */
        public Format format() {
            return format;
        }
    }

    private static final Pattern PKCS7_PEM = Pattern.compile("-----BEGIN (PKCS7|CMS)-----");
    private static final int JKS_MAGIC = 0xFEEDFEED;
    private static final int JCEKS_MAGIC = 0xCECECECE;

    public CertificateBundle {
        requireNonNull(format, "format");
        certificates = List.copyOf(CertificateInput.fromCerts(certificates));
        requireNonNull(keyEntry, "keyEntry");
    }

    /** Reads a file's content without a password (enough for PEM, DER, PKCS#7 and JKS). */
    public static CertificateBundle read(byte[] content) {
        return read(content, null);
    }

    /**
     * Reads a file's content, recognising the format by content.
     *
     * @param password the keystore password, or null for none (a JKS is then read without its integrity check)
     * @throws CertificateInputException for PEM/DER problems, exactly as {@link CertificateInput#parse}
     * @throws UnreadableException when a recognised container cannot be read (wrong password, damaged)
     */
    public static CertificateBundle read(byte[] content, char[] password) {
        Format format = detect(content);
        switch (format) {
            case PKCS7:
                return new CertificateBundle(
                        format, List.<Cert>copyOf(chainOrder(Format.PKCS7, pkcs7(content))), Optional.empty());
            case PKCS12:
            case JKS:
            case JCEKS:
                return keyStore(format, content, password);
            case DER:
                return new CertificateBundle(
                        format, List.<Cert>copyOf(CertificateInput.parse(content)), Optional.empty());
            default:
                return pem(content);
        }
    }

    /**
     * The format of {@code content}: keystore magic numbers, the first element inside a leading DER
     * SEQUENCE (OID: PKCS#7 ContentInfo; INTEGER: PKCS#12 PFX; SEQUENCE: a certificate), else PEM text.
     */
    public static Format detect(byte[] content) {
        requireNonNull(content, "content");
        if (content.length >= 4) {
            int magic = ((content[0] & 0xff) << 24)
                    | ((content[1] & 0xff) << 16)
                    | ((content[2] & 0xff) << 8)
                    | (content[3] & 0xff);
            if (magic == JKS_MAGIC) {
                return Format.JKS;
            }
            if (magic == JCEKS_MAGIC) {
                return Format.JCEKS;
            }
        }
        if (content.length > 0 && (content[0] & 0xff) == 0x30) {
            int first = firstInnerTag(content);
            return first == 0x06 ? Format.PKCS7 : first == 0x02 ? Format.PKCS12 : Format.DER;
        }
        return Format.PEM;
    }

    /** The tag of the first element inside the outer SEQUENCE, or -1 if the header is cut short. */
    private static int firstInnerTag(byte[] der) {
        if (der.length < 2) {
            return -1;
        }
        int lengthByte = der[1] & 0xff;
        int at = 2 + (lengthByte < 0x80 ? 0 : lengthByte & 0x7f); // short form, long form, or BER indefinite (0x80)
        return at < der.length ? der[at] & 0xff : -1;
    }

    /** PEM text: certificates as before; PKCS7 / CMS blocks (or a CERTIFICATE block holding PKCS#7) opened. */
    private static CertificateBundle pem(byte[] content) {
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (!PKCS7_PEM.matcher(text).find()) {
            try {
                return new CertificateBundle(
                        Format.PEM, List.<Cert>copyOf(CertificateInput.parse(content)), Optional.empty());
            } catch (CertificateInputException e) {
                // Windows certutil -encode wraps a .p7b in CERTIFICATE armour: open it if that is all there is
                List<PemObject> blocks;
                try {
                    blocks = blocks(text, Format.PEM);
                } catch (UnreadableException unreadable) {
                    throw e;
                }
                if (blocks.size() == 1 && detect(blocks.get(0).getContent()) == Format.PKCS7) {
                    return new CertificateBundle(
                            Format.PKCS7,
                            List.<Cert>copyOf(
                                    chainOrder(Format.PKCS7, pkcs7(blocks.get(0).getContent()))),
                            Optional.empty());
                }
                throw e;
            }
        }
        List<Certificate> certificates = new ArrayList<>();
        for (PemObject block : blocks(text, Format.PKCS7)) {
            String label = block.getType();
            if (label.equals("PKCS7") || label.equals("CMS")) {
                certificates.addAll(pkcs7(block.getContent()));
            } else if (label.equals("CERTIFICATE")) {
                certificates.add(Certificate.parse(block.getContent()));
            } else {
                throw new UnreadableException(
                        Format.PKCS7, "PEM block \"" + label + "\" is neither a certificate nor PKCS#7");
            }
        }
        if (certificates.isEmpty()) {
            throw new UnreadableException(Format.PKCS7, "no readable PEM block (a BEGIN line must start its line)");
        }
        return new CertificateBundle(
                Format.PKCS7, List.<Cert>copyOf(chainOrder(Format.PKCS7, certificates)), Optional.empty());
    }

    private static List<PemObject> blocks(String text, Format format) {
        List<PemObject> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            for (PemObject block = reader.readPemObject(); block != null; block = reader.readPemObject()) {
                blocks.add(block);
            }
        } catch (IOException | RuntimeException e) {
            throw new UnreadableException(format, "bad PEM (" + oneLine(e) + ")");
        }
        return blocks;
    }

    /** The certificates of a CMS SignedData (certs-only or signed: either way only the certificates). */
    private static List<Certificate> pkcs7(byte[] der) {
        List<X509CertificateHolder> holders;
        try {
            holders = new ArrayList<>(new CMSSignedData(der).getCertificates().getMatches(null));
        } catch (CMSException | RuntimeException | StackOverflowError e) {
            throw new UnreadableException(Format.PKCS7, "not a readable SignedData (" + oneLine(e) + ")");
        }
        if (holders.isEmpty()) {
            throw new UnreadableException(Format.PKCS7, "holds no certificates");
        }
        List<Certificate> certificates = new ArrayList<>(holders.size());
        for (int i = 0; i < holders.size(); i++) {
            try {
                certificates.add(Certificate.parse(holders.get(i).getEncoded()));
            } catch (IOException e) {
                throw new UnreadableException(Format.PKCS7, "certificate " + (i + 1) + " cannot be encoded");
            } catch (CertificateInputException e) {
                throw new UnreadableException(
                        Format.PKCS7, "certificate " + (i + 1) + " is not a certificate: " + e.reason());
            }
        }
        return certificates;
    }

    /**
     * A keystore's key entry chain (the only key entry, or the first in alias order when there are
     * several); without key entries, all certificate entries in chain order.
     */
    private static CertificateBundle keyStore(Format format, byte[] content, char[] password) {
        KeyStore store;
        try {
            store = KeyStore.getInstance(format == Format.PKCS12 ? "PKCS12" : format.name());
            store.load(
                    new ByteArrayInputStream(content),
                    password == null && format == Format.PKCS12 ? new char[0] : password);
        } catch (IOException e) {
            boolean wrongPassword = e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT).contains("password");
            throw new UnreadableException(
                    format,
                    wrongPassword
                            ? (password == null ? "needs a password" : "wrong password") + " (or a damaged file)"
                            : "damaged or unsupported file (" + oneLine(e) + ")");
        } catch (GeneralSecurityException | RuntimeException | StackOverflowError e) {
            throw new UnreadableException(format, "damaged or unsupported file (" + oneLine(e) + ")");
        }
        try {
            List<String> aliases = Collections.list(store.aliases());
            Collections.sort(aliases);
            List<String> keys =
                    aliases.stream().filter(a -> isKeyEntry(store, a)).toList();
            if (!keys.isEmpty()) {
                java.security.cert.Certificate[] chain = store.getCertificateChain(keys.get(0));
                if (chain == null || chain.length == 0) {
                    throw new UnreadableException(
                            format,
                            "key entry '" + keys.get(0) + "' has no certificate chain"
                                    + (password == null ? " (a password may be needed to read it)" : ""));
                }
                return new CertificateBundle(
                        format, List.<Cert>copyOf(parse(format, List.of(chain))), Optional.of(keys.get(0)));
            }
            List<java.security.cert.Certificate> all = new ArrayList<>();
            for (String alias : aliases) {
                if (store.getCertificate(alias) != null) {
                    all.add(store.getCertificate(alias));
                }
            }
            if (all.isEmpty()) {
                throw new UnreadableException(
                        format,
                        "holds no certificates" + (password == null ? " that can be read without a password" : ""));
            }
            return new CertificateBundle(
                    format, List.<Cert>copyOf(chainOrder(format, parse(format, all))), Optional.empty());
        } catch (GeneralSecurityException e) {
            throw new UnreadableException(format, "cannot list entries (" + oneLine(e) + ")");
        }
    }

    private static boolean isKeyEntry(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static List<Certificate> parse(Format format, List<java.security.cert.Certificate> jca) {
        List<Certificate> out = new ArrayList<>(jca.size());
        for (int i = 0; i < jca.size(); i++) {
            try {
                out.add(Certificate.parse(jca.get(i).getEncoded()));
            } catch (GeneralSecurityException e) {
                throw new UnreadableException(format, "certificate " + (i + 1) + " cannot be encoded");
            } catch (CertificateInputException e) {
                throw new UnreadableException(
                        format, "certificate " + (i + 1) + " is not a certificate: " + e.reason());
            }
        }
        return out;
    }

    /** More certificates than any server chain or CA bundle holds; ordering is quadratic in the count. */
    static final int MAX_CERTIFICATES = 1_000;

    /**
     * Leaf first, then its issuers as far as the set goes, then the rest in the given order. The leaf is
     * the first certificate that issues none of the others, preferring one that is not a CA.
     */
    static List<Certificate> chainOrder(Format format, List<Certificate> set) {
        if (set.size() > MAX_CERTIFICATES) {
            throw new UnreadableException(
                    format,
                    "holds " + set.size() + " certificates, more than the " + MAX_CERTIFICATES + " read from one file");
        }
        List<Certificate> candidates = new ArrayList<>();
        for (Certificate c : set) {
            boolean issuesAnother = set.stream()
                    .anyMatch(o -> o != c && !o.isSelfIssued() && o.issuer().equals(c.subject()));
            if (!issuesAnother) {
                candidates.add(c);
            }
        }
        Optional<Certificate> leaf = candidates.stream()
                .filter(c -> !c.isV3Ca())
                .findFirst()
                .or(() -> candidates.stream().findFirst());
        if (leaf.isEmpty()) {
            return List.copyOf(set);
        }
        List<Certificate> remaining = new ArrayList<>(set);
        List<Certificate> ordered = new ArrayList<>(set.size());
        Certificate current = leaf.get();
        while (current != null) { // each step removes one certificate: at most set.size() steps
            remaining.remove(current);
            ordered.add(current);
            Certificate child = current;
            current = child.isSelfIssued()
                    ? null
                    : remaining.stream()
                            .filter(o -> o.subject().equals(child.issuer()))
                            .findFirst()
                            .orElse(null);
        }
        ordered.addAll(remaining);
        return List.copyOf(ordered);
    }

    private static String oneLine(Throwable e) {
        String message = ExceptionText.why(e);
        message = message.replaceAll("[\\r\\n]+", " ").strip();
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }
}
