package io.github.sectrust4j;

import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestChain;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSAbsentContent;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.util.CollectionStore;

/** Certificate containers written the way CAs and servers write them, from minted certificates. */
public final class Containers {
    private Containers() {}

    /** A certs-only PKCS#7 (CMS SignedData without content or signers), DER. */
    public static byte[] pkcs7(HeldCertificate... certificates) {
        try {
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addCertificates(new CollectionStore<>(Arrays.stream(certificates)
                    .map(h -> {
                        try {
                            return new X509CertificateHolder(h.der());
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .toList()));
            return generator.generate(new CMSAbsentContent(), false).getEncoded(ASN1Encoding.DER);
        } catch (CMSException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PEM armour with this label. */
    public static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der) + "\n-----END " + label + "-----\n";
    }

    /** A PKCS12 or JKS keystore whose key entry "sip" holds the chain's leaf key and leaf-to-root chain. */
    public static byte[] keyStore(String type, char[] password, TestChain chain, HeldCertificate extraTrusted)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        store.setKeyEntry("sip", chain.leaf().keyPair().getPrivate(), password, new X509Certificate[] {
            chain.leaf().certificate(),
            chain.intermediate().certificate(),
            chain.root().certificate()
        });
        if (extraTrusted != null) {
            store.setCertificateEntry("another", extraTrusted.certificate());
        }
        return write(store, password);
    }

    /** A keystore with certificate entries only (a trust store). */
    public static byte[] trustStore(String type, char[] password, HeldCertificate... certificates)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(type);
        store.load(null, null);
        for (int i = 0; i < certificates.length; i++) {
            store.setCertificateEntry("ca" + i, certificates[i].certificate());
        }
        return write(store, password);
    }

    private static byte[] write(KeyStore store, char[] password) throws GeneralSecurityException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.store(out, password);
        return out.toByteArray();
    }
}
