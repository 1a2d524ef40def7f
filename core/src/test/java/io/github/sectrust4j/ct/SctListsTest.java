package io.github.sectrust4j.ct;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.ct.CtTestPki.Issuer;
import io.github.sectrust4j.ct.CtTestPki.TestLog;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;

/** SCT list carriers: TLS list, X.509 / OCSP extension values, stapled OCSP responses (RFC 6962 §3.3). */
class SctListsTest {
    static final TestLog A = TestLog.ec("Op A", "A log");
    static final TestLog B = TestLog.ec("Op B", "B log");
    static final Instant NOT_BEFORE = Instant.parse("2024-01-10T00:00:00Z");
    static final Instant VERIFY = NOT_BEFORE.plus(Duration.ofDays(3));

    @Test
    void tlsList_splitsIntoItsScts() {
        byte[] list = CtTestPki.tlsList(List.of(new byte[] {1, 2}, new byte[] {3}));

        assertThat(SctLists.splitTlsList(list).value().orElseThrow()).containsExactly(new byte[] {1, 2}, new byte[] {3});
    }

    @Test
    void tlsList_withWrongTotalLength_isMalformedAsAWhole() {
        byte[] list = CtTestPki.tlsList(List.of(new byte[] {1, 2}));
        list[1]++;

        assertThat(SctLists.splitTlsList(list).error()).hasValueSatisfying(e -> assertThat(e).contains("does not match"));
    }

    @Test
    void tlsList_withOverrunningEntry_isMalformed() {
        assertThat(SctLists.splitTlsList(new byte[] {0, 3, 0, 5, 1}).isOk()).isFalse();
        assertThat(SctLists.splitTlsList(new byte[] {0, 1, 0}).isOk()).isFalse();
        assertThat(SctLists.splitTlsList(new byte[] {0}).isOk()).isFalse();
    }

    @Test
    void emptyTlsList_isAnEmptyList() {
        assertThat(SctLists.splitTlsList(new byte[] {0, 0}).value().orElseThrow()).isEmpty();
    }

    @Test
    void extensionValue_mustBeExactlyOneOctetString() {
        byte[] list = CtTestPki.tlsList(List.of(new byte[] {9}));
        byte[] good = CtTestPki.encode(new DEROctetString(list));
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);

        assertThat(SctLists.fromExtensionValue(good).value().orElseThrow()).containsExactly(new byte[] {9});
        assertThat(SctLists.fromExtensionValue(trailing).isOk()).isFalse();
        assertThat(SctLists.fromExtensionValue(new byte[] {0x30, 0}).isOk()).isFalse();
        assertThat(SctLists.fromExtensionValue(list).isOk()).isFalse();
    }

    @Property(tries = 500)
    void randomBytes_neverThrow_inAnyCarrier(@ForAll @Size(max = 200) byte[] bytes) {
        assertThat(SctLists.splitTlsList(bytes)).isNotNull();
        assertThat(SctLists.fromExtensionValue(bytes)).isNotNull();
        assertThat(SctLists.embeddedIn(bytes)).isNotNull();
        assertThat(SctLists.fromStapledOcspResponse(bytes, bytes, bytes)).isNotNull();
    }

    @Property(tries = 200)
    void randomSctsAndLists_neverThrowThroughTheEvaluator(@ForAll @Size(max = 120) byte[] sct,
                                                          @ForAll @Size(max = 120) byte[] list) {
        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(LEAF, VERIFY).issuerSpki(ISSUER.spki())
                .tlsSct(sct).tlsSctList(list).ocspSctList(list).stapledOcspResponse(list).build(),
                CtLogList.of(List.of(A.usable())), IosRelease.NEWEST);
        assertThat(ct.qualified()).isFalse();
    }

    static final Issuer ISSUER = Issuer.create("OCSP CA");
    static final byte[] LEAF = CtTestPki.plainLeaf(ISSUER, NOT_BEFORE, NOT_BEFORE.plus(Duration.ofDays(90)));

    @Test
    void stapledOcspResponse_matchingSingleResponse_yieldsItsScts() throws Exception {
        byte[] list = CtTestPki.tlsList(List.of(A.x509Sct(NOT_BEFORE.toEpochMilli(), LEAF), B.x509Sct(NOT_BEFORE.toEpochMilli(), LEAF)));
        byte[] ocsp = ocspResponse(LEAF, list, OCSPRespBuilder.SUCCESSFUL);

        assertThat(SctLists.fromStapledOcspResponse(ocsp, LEAF, ISSUER.spki()).value().orElseThrow()).hasSize(2);

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(LEAF, VERIFY).issuerSpki(ISSUER.spki())
                .stapledOcspResponse(ocsp).build(), CtLogList.of(List.of(A.usable(), B.usable())), IosRelease.NEWEST);
        assertThat(ct.qualified()).isTrue();
        assertThat(ct.outcomes()).extracting(SctOutcome::origin).containsOnly(SctOrigin.OCSP_RESPONSE);
    }

    @Test
    void stapledOcspResponse_forAnotherCertificate_yieldsNothing() throws Exception {
        byte[] other = CtTestPki.plainLeaf(ISSUER, NOT_BEFORE, NOT_BEFORE.plus(Duration.ofDays(90)));
        byte[] list = CtTestPki.tlsList(List.of(A.x509Sct(NOT_BEFORE.toEpochMilli(), LEAF)));

        byte[] ocsp = ocspResponse(other, list, OCSPRespBuilder.SUCCESSFUL);

        assertThat(SctLists.fromStapledOcspResponse(ocsp, LEAF, ISSUER.spki()).value().orElseThrow()).isEmpty();
    }

    @Test
    void stapledOcspResponse_withoutIssuer_isNotMatched() throws Exception {
        byte[] list = CtTestPki.tlsList(List.of(A.x509Sct(NOT_BEFORE.toEpochMilli(), LEAF), B.x509Sct(NOT_BEFORE.toEpochMilli(), LEAF)));
        byte[] ocsp = ocspResponse(LEAF, list, OCSPRespBuilder.SUCCESSFUL);

        CtEvaluation ct = CtEvaluator.evaluate(CtRequest.builder(LEAF, VERIFY).stapledOcspResponse(ocsp).build(),
                CtLogList.of(List.of(A.usable(), B.usable())), IosRelease.NEWEST);

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.notes()).singleElement().asString().contains("one-certificate chain");
    }

    @Test
    void unsuccessfulOcspResponse_yieldsNothing() throws Exception {
        byte[] ocsp = new OCSPRespBuilder().build(OCSPRespBuilder.TRY_LATER, null).getEncoded();

        assertThat(SctLists.fromStapledOcspResponse(ocsp, LEAF, ISSUER.spki()).value().orElseThrow()).isEmpty();
    }

    /** A stapled OCSP response for {@code cert} with the SCT list extension on its single response. */
    static byte[] ocspResponse(byte[] cert, byte[] sctList, int status) throws Exception {
        DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
        X509CertificateHolder issuerCert = new X509CertificateHolder(new JcaX509v3CertificateBuilder(
                ISSUER.name(), BigInteger.ONE, Date.from(NOT_BEFORE.minus(Duration.ofDays(400))),
                Date.from(NOT_BEFORE.plus(Duration.ofDays(400))), ISSUER.name(), ISSUER.key().getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ISSUER.key().getPrivate())).getEncoded());
        X509CertificateHolder leaf = new X509CertificateHolder(cert);
        CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1), issuerCert, leaf.getSerialNumber());
        Extensions exts = new Extensions(new Extension(SctLists.OCSP_SCT_LIST, false,
                new DEROctetString(CtTestPki.encode(new DEROctetString(sctList)))));
        BasicOCSPRespBuilder b = new BasicOCSPRespBuilder(new RespID(new X500Name("CN=responder")));
        b.addResponse(id, CertificateStatus.GOOD, Date.from(NOT_BEFORE), Date.from(NOT_BEFORE.plus(Duration.ofDays(7))), exts);
        var basic = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(ISSUER.key().getPrivate()), null,
                Date.from(NOT_BEFORE));
        OCSPResp resp = new OCSPRespBuilder().build(status, basic);
        return resp.getEncoded();
    }
}
