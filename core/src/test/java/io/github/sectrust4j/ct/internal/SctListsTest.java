package io.github.sectrust4j.ct.internal;

import static io.github.sectrust4j.ct.CtTestLogs.spki;
import static io.github.sectrust4j.ct.CtTestLogs.tlsList;
import static io.github.sectrust4j.ct.CtTestLogs.usable;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.ct.CtTestLogs;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.Sct;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.fixtures.ocsp.OcspResponseBuilder;
import io.github.sectrust4j.policy.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

/** SCT list carriers: TLS list, X.509 / OCSP extension values, stapled OCSP responses (RFC 6962 §3.3). */
class SctListsTest {
    static final TestPki PKI = CtTestLogs.PKI;
    static final TestCtLog A = CtTestLogs.log("Op A", "A log");
    static final TestCtLog B = CtTestLogs.log("Op B", "B log");
    static final Instant NOT_BEFORE = Instant.parse("2024-01-10T00:00:00Z");
    static final Instant VERIFY = NOT_BEFORE.plus(Duration.ofDays(3));
    static final HeldCertificate ISSUER =
            PKI.intermediate("OCSP CA", PKI.root("OCSP Root").build()).build();
    static final HeldCertificate LEAF = PKI.leaf("ocsp.example.test", ISSUER)
            .validity(NOT_BEFORE, NOT_BEFORE.plus(Duration.ofDays(90)))
            .build();

    static byte[] twoSctList() {
        return Sct.encodeList(List.of(A.sctFor(LEAF, NOT_BEFORE), B.sctFor(LEAF, NOT_BEFORE)));
    }

    @Test
    void tlsList_splitsIntoItsScts() {
        byte[] list = tlsList(new byte[] {1, 2}, new byte[] {3});

        assertThat(SctLists.splitTlsList(list).value().orElseThrow())
                .containsExactly(new byte[] {1, 2}, new byte[] {3});
    }

    @Test
    void tlsList_withWrongTotalLength_isMalformedAsAWhole() {
        byte[] list = tlsList(new byte[] {1, 2});
        list[1]++;

        assertThat(SctLists.splitTlsList(list).error())
                .hasValueSatisfying(e -> assertThat(e).contains("does not match"));
    }

    @Test
    void tlsList_withOverrunningEntry_isMalformed() {
        assertThat(SctLists.splitTlsList(new byte[] {0, 3, 0, 5, 1}).isOk()).isFalse();
        assertThat(SctLists.splitTlsList(new byte[] {0, 1, 0}).isOk()).isFalse();
        assertThat(SctLists.splitTlsList(new byte[] {0}).isOk()).isFalse();
    }

    @Test
    void emptyTlsList_isAnEmptyList() {
        assertThat(SctLists.splitTlsList(new byte[] {0, 0}).value().orElseThrow())
                .isEmpty();
    }

    @Test
    void extensionValue_mustBeExactlyOneOctetString() {
        List<Sct> scts = List.of(A.sctFor(LEAF, NOT_BEFORE));
        byte[] good = Sct.extensionValue(scts);
        byte[] trailing = Arrays.copyOf(good, good.length + 1);

        assertThat(SctLists.fromExtensionValue(good).value().orElseThrow())
                .containsExactly(scts.get(0).encoded());
        assertThat(SctLists.fromExtensionValue(trailing).isOk()).isFalse();
        assertThat(SctLists.fromExtensionValue(new byte[] {0x30, 0}).isOk()).isFalse();
        assertThat(SctLists.fromExtensionValue(Sct.encodeList(scts)).isOk()).isFalse();
    }

    @Test
    void embeddedIn_readsTheLeafExtension_andAnEmptyListForLeavesWithout() {
        HeldCertificate withScts =
                PKI.leaf("e.example.test", ISSUER).embeddedScts(A, NOT_BEFORE).build();

        assertThat(SctLists.embeddedIn(withScts.der()).value().orElseThrow())
                .containsExactly(withScts.embeddedScts().get(0).encoded());
        assertThat(SctLists.embeddedIn(LEAF.der()).value().orElseThrow()).isEmpty();
    }

    @Property(tries = 500)
    void randomBytes_neverThrow_inAnyCarrier(@ForAll @Size(max = 200) byte[] bytes) {
        Statistics.collect(SctLists.splitTlsList(bytes).isOk() ? "a well-framed list" : "malformed list");
        Statistics.coverage(c -> {
            c.check("malformed list").count(n -> n > 0);
        });
        assertThat(SctLists.splitTlsList(bytes)).isNotNull();
        assertThat(SctLists.fromExtensionValue(bytes)).isNotNull();
        assertThat(SctLists.embeddedIn(bytes)).isNotNull();
        assertThat(SctLists.fromStapledOcspResponse(bytes, bytes, bytes)).isNotNull();
        assertThat(SctLists.fromStapledOcspResponse(bytes, LEAF.der(), spki(ISSUER)))
                .isNotNull();
    }

    /** How an extension value wraps its contents: DER forms and forms only Bouncy Castle can judge. */
    enum Wrapping {
        DER,
        LONG_FORM_NOT_MINIMAL,
        TRAILING_BYTE,
        CONSTRUCTED_TAG,
        LENGTH_ONE_SHORT
    }

    @Property(tries = 300)
    void extensionValue_decodedAsBouncyCastleDecodesAndReEncodesIt(
            @ForAll @Size(max = 3) List<@Size(max = 90) byte[]> scts,
            @ForAll @net.jqwik.api.constraints.IntRange(max = 400) int lastSctLength,
            @ForAll Wrapping wrapping)
            throws Exception {
        List<byte[]> all = new java.util.ArrayList<>(scts);
        all.add(new byte[lastSctLength]);
        byte[] contents = tlsList(all.toArray(new byte[0][]));
        byte[] der = new org.bouncycastle.asn1.DEROctetString(contents).getEncoded();
        byte[] value = switch (wrapping) {
            case DER -> der;
            case LONG_FORM_NOT_MINIMAL -> {
                byte[] v = new byte[contents.length + 5];
                v[0] = 0x04;
                v[1] = (byte) 0x83;
                v[3] = (byte) (contents.length >>> 8);
                v[4] = (byte) contents.length;
                System.arraycopy(contents, 0, v, 5, contents.length);
                yield v;
            }
            case TRAILING_BYTE -> Arrays.copyOf(der, der.length + 1);
            case CONSTRUCTED_TAG -> {
                byte[] v = der.clone();
                v[0] = 0x24;
                yield v;
            }
            case LENGTH_ONE_SHORT -> Arrays.copyOf(der, der.length - 1);
        };
        Parsed<List<byte[]>> expected;
        try {
            org.bouncycastle.asn1.ASN1Primitive p = org.bouncycastle.asn1.ASN1Primitive.fromByteArray(value);
            if (!(p instanceof org.bouncycastle.asn1.ASN1OctetString os)) {
                expected = Parsed.malformed("SCT list extension value is not an OCTET STRING");
            } else if (!Arrays.equals(p.getEncoded(org.bouncycastle.asn1.ASN1Encoding.DER), value)) {
                expected = Parsed.malformed("SCT list extension value has trailing or non-DER bytes");
            } else {
                expected = SctLists.splitTlsList(os.getOctets());
            }
        } catch (Exception e) {
            expected = Parsed.malformed("SCT list extension value is not DER: " + e.getMessage());
        }
        Parsed<List<byte[]>> actual = SctLists.fromExtensionValue(value);
        Statistics.collect(wrapping, contents.length < 128 ? "short length" : "long length", actual.isOk());
        Statistics.coverage(c -> {
            c.check(Wrapping.DER, "long length", true).count(n -> n > 0);
            c.check(Wrapping.DER, "short length", true).count(n -> n > 0);
            c.check(Wrapping.LONG_FORM_NOT_MINIMAL, "long length", false).count(n -> n > 0);
        });
        assertThat(actual.error()).isEqualTo(expected.error());
        assertThat(actual.isOk()).isEqualTo(expected.isOk());
        if (expected.isOk()) {
            assertThat(actual.value().orElseThrow())
                    .containsExactlyElementsOf(expected.value().orElseThrow());
        }
    }

    @Test
    void extensionValue_ofAWellFramedList_givesItsScts() {
        byte[] list = twoSctList();
        byte[] value = new byte[0];
        try {
            value = new org.bouncycastle.asn1.DEROctetString(list).getEncoded();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(SctLists.fromExtensionValue(value).value().orElseThrow())
                .containsExactlyElementsOf(SctLists.splitTlsList(list).value().orElseThrow());
    }

    @Property(tries = 200)
    void randomSctsAndLists_neverThrowThroughTheEvaluator(
            @ForAll @Size(max = 120) byte[] sct, @ForAll @Size(max = 120) byte[] list) {
        Statistics.collect(sct.length == 0 ? "empty SCT" : sct.length <= 40 ? "short SCT" : "longer SCT");
        Statistics.coverage(c -> {
            c.check("short SCT").count(n -> n > 0);
            c.check("longer SCT").count(n -> n > 0);
        });
        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(LEAF.der(), VERIFY)
                        .issuerSpki(spki(ISSUER))
                        .tlsSct(sct)
                        .tlsSctList(list)
                        .ocspSctList(list)
                        .ocspSctExtensionValue(list)
                        .stapledOcspResponse(list)
                        .build(),
                CtLogList.of(List.of(usable(A))),
                RuleSet.forRelease(IosRelease.NEWEST).ctRules());
        assertThat(ct.qualified()).isFalse();
    }

    @Test
    void stapledOcspResponse_matchingSingleResponse_yieldsItsScts() {
        byte[] ocsp = PKI.ocsp(LEAF, ISSUER).good().sctList(twoSctList()).build();

        assertThat(SctLists.fromStapledOcspResponse(ocsp, LEAF.der(), spki(ISSUER))
                        .value()
                        .orElseThrow())
                .hasSize(2);

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(LEAF.der(), VERIFY)
                        .issuerSpki(spki(ISSUER))
                        .stapledOcspResponse(ocsp)
                        .build(),
                CtLogList.of(List.of(usable(A), usable(B))),
                RuleSet.forRelease(IosRelease.NEWEST).ctRules());
        assertThat(ct.qualified()).isTrue();
        assertThat(ct.outcomes()).extracting(SctOutcome::origin).containsOnly(SctOrigin.OCSP_RESPONSE);
    }

    @Test
    void stapledOcspResponse_withSha256CertId_isMatchedToo() {
        byte[] ocsp = PKI.ocsp(LEAF, ISSUER)
                .certIdHash(OcspResponseBuilder.CertIdHash.SHA256)
                .sctList(twoSctList())
                .build();

        assertThat(SctLists.fromStapledOcspResponse(ocsp, LEAF.der(), spki(ISSUER))
                        .value()
                        .orElseThrow())
                .hasSize(2);
    }

    @Test
    void stapledOcspResponse_forAnotherCertificate_yieldsNothing() {
        byte[] ocsp = PKI.ocsp(LEAF, ISSUER).wrongCertId().sctList(twoSctList()).build();

        assertThat(SctLists.fromStapledOcspResponse(ocsp, LEAF.der(), spki(ISSUER))
                        .value()
                        .orElseThrow())
                .isEmpty();
    }

    @Test
    void stapledOcspResponse_withoutIssuer_isNotMatched() {
        byte[] ocsp = PKI.ocsp(LEAF, ISSUER).sctList(twoSctList()).build();

        CtEvaluation ct = CtEvaluator.evaluate(
                CtRequest.builder(LEAF.der(), VERIFY).stapledOcspResponse(ocsp).build(),
                CtLogList.of(List.of(usable(A), usable(B))),
                RuleSet.forRelease(IosRelease.NEWEST).ctRules());

        assertThat(ct.qualified()).isFalse();
        assertThat(ct.notes()).singleElement().asString().contains("one-certificate chain");
    }

    @Test
    void unsuccessfulOcspResponse_yieldsNothing() {
        byte[] ocsp = PKI.ocsp(LEAF, ISSUER)
                .sctList(twoSctList())
                .errorStatus(OcspResponseBuilder.ErrorStatus.TRY_LATER)
                .build();

        assertThat(SctLists.fromStapledOcspResponse(ocsp, LEAF.der(), spki(ISSUER))
                        .value()
                        .orElseThrow())
                .isEmpty();
    }
}
