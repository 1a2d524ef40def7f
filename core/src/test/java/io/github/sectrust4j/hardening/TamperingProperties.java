package io.github.sectrust4j.hardening;

import static io.github.sectrust4j.hardening.Hardening.certs;
import static io.github.sectrust4j.hardening.Hardening.pem;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.KeyAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * A valid, trusted chain whose leaf or intermediate DER is tampered with (bit flips, byte
 * replacements, runs, insertions, deletions, truncations — anywhere, or aimed at the signed TBS or at
 * the signature) is never trusted unless the tampered certificate is semantically the original: the
 * same signed TBSCertificate bytes with a signature the plain JDK still verifies under the issuer's key
 * (only unsigned bytes may differ, e.g. outer AlgorithmIdentifier parameters with the same OID).
 * Every outcome is either a {@link CertificateInputException} or a report — nothing else escapes.
 */
class TamperingProperties {

    enum Anchor {
        APP,
        MDM,
        SYSTEM
    }

    enum Target {
        LEAF,
        INTERMEDIATE
    }

    enum Region {
        ANYWHERE,
        TBS,
        SIGNATURE
    }

    enum Kind {
        FLIP_BIT,
        REPLACE_BYTE,
        REPLACE_RUN,
        INSERT,
        DELETE,
        TRUNCATE
    }

    /** One trusted chain per key algorithm, minted once. */
    static final class Pki {
        final HeldCertificate root;
        final HeldCertificate ica;
        final HeldCertificate leaf;

        Pki(KeyAlgorithm algorithm) {
            TestPki pki = TestPki.seeded(algorithm.bits() + 1000L);
            root = pki.root("Tamper Root").key(algorithm).build();
            ica = pki.intermediate("Tamper Issuing CA", root).key(algorithm).build();
            leaf = pki.leaf("example.com", ica).key(algorithm).validForDays(90).build();
        }
    }

    private static final Pki EC = new Pki(KeyAlgorithm.ecP256());
    private static final Pki RSA = new Pki(KeyAlgorithm.rsa(2048));

    static SecTrust trust(Pki p, Anchor anchor) {
        SecTrust base = SecTrust.ios("17.4").forServer("example.com").at(TestPki.DEFAULT_NOW);
        switch (anchor) {
            case APP:
                return base.withAnchors(certs(p.root));
            case MDM:
                return base.withMdmRoot(Certificate.parse(p.root.der()));
            default:
                // system-anchored chains need SCTs; the kill switch takes CT out of this property (§8.1)
                return base.withExtraSystemRoots(certs(p.root)).ctKillSwitch(true);
        }
    }

    @Example
    void untamperedChains_areTrusted_underEveryAnchorKind() {
        for (Pki p : new Pki[] {EC, RSA}) {
            for (Anchor a : Anchor.values()) {
                TrustReport r = trust(p, a).evaluate(pem(p.leaf.der(), p.ica.der()));
                assertThat(r.trusted()).as(a + "\n" + r.explain()).isTrue();
            }
        }
    }

    @Provide
    Arbitrary<Pki> pkis() {
        return Arbitraries.of(EC, RSA);
    }

    @Property(tries = 400)
    void tamperedLeafOrIntermediate_isNeverTrusted_unlessTheSignedBytesAreUnchanged(
            @ForAll("pkis") Pki p,
            @ForAll Anchor anchor,
            @ForAll Target target,
            @ForAll Region region,
            @ForAll Kind kind,
            @ForAll long seed)
            throws Exception {
        Statistics.coverage(c -> {
            c.check("unparseable").count(n -> n > 0);
            c.check("refused").count(n -> n > 0);
        });
        HeldCertificate victim = target == Target.LEAF ? p.leaf : p.ica;
        HeldCertificate issuer = target == Target.LEAF ? p.ica : p.root;
        byte[] original = victim.der();
        byte[] mutated = mutate(original, tbsRange(victim), region, kind, new Random(seed));
        byte[] leaf = target == Target.LEAF ? mutated : p.leaf.der();
        byte[] ica = target == Target.INTERMEDIATE ? mutated : p.ica.der();

        TrustReport report;
        try {
            report = trust(p, anchor).evaluate(pem(leaf, ica));
        } catch (CertificateInputException e) {
            assertThat(e.getMessage()).isNotBlank();
            Statistics.collect("unparseable");
            return;
        }
        Statistics.collect(
                report.trusted()
                        ? (Arrays.equals(mutated, original) ? "trusted-unchanged" : "trusted-changed")
                        : "refused");
        if (report.trusted()) {
            assertSignedContentUnchanged(mutated, victim, issuer, report);
        }
    }

    /**
     * The oracle for a trusted tampered certificate, computed without the library: the signed bytes
     * (the TBSCertificate) are exactly the original ones, and the signature bytes verify over them with
     * the plain JDK under the issuer's key and the original algorithm. Only unsigned bytes may differ
     * (e.g. a re-encoded ECDSA signature, or outer AlgorithmIdentifier parameters — whose OID must still
     * equal the signed one).
     */
    static void assertSignedContentUnchanged(
            byte[] mutated, HeldCertificate victim, HeldCertificate issuer, TrustReport report) throws Exception {
        String why = "trusted although ";
        Optional<Hardening.Tlv[]> parts = Hardening.certificateParts(mutated);
        assertThat(parts)
                .as(why + "the DER is not certificate-shaped\n" + report.explain())
                .isPresent();
        Hardening.Tlv tbs = parts.get()[0];
        Hardening.Tlv alg = parts.get()[1];
        Hardening.Tlv sig = parts.get()[2];
        byte[] originalTbs = Hardening.tbs(victim.certificate());
        assertThat(Arrays.copyOfRange(mutated, tbs.start(), tbs.end()))
                .as(why + "the signed TBSCertificate changed\n" + report.explain())
                .isEqualTo(originalTbs);
        Optional<Hardening.Tlv> oid = Hardening.tlv(mutated, alg.contentStart(), alg.end());
        byte[] originalOid = new org.bouncycastle.asn1.ASN1ObjectIdentifier(
                        victim.certificate().getSigAlgOID())
                .getEncoded();
        assertThat(oid).isPresent();
        assertThat(Arrays.copyOfRange(mutated, alg.contentStart(), oid.get().end()))
                .as(why + "the outer signature algorithm OID changed")
                .isEqualTo(originalOid);
        assertThat(mutated[sig.contentStart()])
                .as(why + "the signature BIT STRING has unused bits")
                .isZero();
        java.security.Signature jdk =
                java.security.Signature.getInstance(victim.certificate().getSigAlgName());
        jdk.initVerify(issuer.certificate().getPublicKey());
        jdk.update(originalTbs);
        assertThat(jdk.verify(Arrays.copyOfRange(mutated, sig.contentStart() + 1, sig.end())))
                .as(why + "the JDK does not verify the tampered signature\n" + report.explain())
                .isTrue();
    }

    /** [start, end) of the TBSCertificate inside the certificate DER. */
    static int[] tbsRange(HeldCertificate h) {
        byte[] der = h.der();
        byte[] tbs = Hardening.tbs(h.certificate());
        for (int i = 0; i + tbs.length <= der.length; i++) {
            if (Arrays.equals(der, i, i + tbs.length, tbs, 0, tbs.length)) {
                return new int[] {i, i + tbs.length};
            }
        }
        throw new AssertionError("TBS not found");
    }

    static byte[] mutate(byte[] der, int[] tbs, Region region, Kind kind, Random rnd) {
        int from;
        int to;
        switch (region) {
            case TBS:
                from = tbs[0];
                to = tbs[1];
                break;
            case SIGNATURE:
                from = tbs[1];
                to = der.length;
                break;
            default:
                from = 0;
                to = der.length;
        }
        int at = from + rnd.nextInt(to - from);
        switch (kind) {
            case FLIP_BIT: {
                byte[] out = der.clone();
                out[at] ^= (byte) (1 << rnd.nextInt(8));
                return out;
            }
            case REPLACE_BYTE: {
                byte[] out = der.clone();
                out[at] = (byte) rnd.nextInt(256);
                return out;
            }
            case REPLACE_RUN: {
                byte[] out = der.clone();
                int n = 1 + rnd.nextInt(8);
                for (int i = at; i < Math.min(out.length, at + n); i++) {
                    out[i] = (byte) rnd.nextInt(256);
                }
                return out;
            }
            case INSERT: {
                byte[] out = new byte[der.length + 1];
                System.arraycopy(der, 0, out, 0, at);
                out[at] = (byte) rnd.nextInt(256);
                System.arraycopy(der, at, out, at + 1, der.length - at);
                return out;
            }
            case DELETE: {
                byte[] out = new byte[der.length - 1];
                System.arraycopy(der, 0, out, 0, at);
                System.arraycopy(der, at + 1, out, at, der.length - at - 1);
                return out;
            }
            default:
                return Arrays.copyOf(der, at);
        }
    }
}
