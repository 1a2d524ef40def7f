package io.github.sectrust4j.revocation.internal;

import static io.github.sectrust4j.revocation.internal.OcspScene.NOW;
import static io.github.sectrust4j.revocation.internal.OcspScene.PKI;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.ocsp.OcspResponseBuilder.ErrorStatus;
import io.github.sectrust4j.fixtures.ocsp.RevocationReason;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A response parsed once ({@link OcspResponse#parse}) and checked for many positions gives exactly the
 * check, verdict and evidence, of checking its raw DER for each (§9.4): parsing once per evaluation is
 * an optimisation only.
 */
class OcspResponseTest {
    private static final OcspScene SCENE = new OcspScene();
    private static final OcspTarget TARGET = SCENE.target();

    static Stream<Named<byte[]>> responses() {
        HeldCertificate otherIssuer = PKI.root("Other CA").build();
        byte[] good =
                SCENE.response().good().nextUpdate(NOW.plus(Duration.ofDays(3))).build();
        return Stream.of(
                Named.of("good", good),
                Named.of(
                        "goodByDelegatedResponder",
                        PKI.ocsp(SCENE.leaf, SCENE.issuer)
                                .signedBy(SCENE.responder)
                                .good()
                                .build()),
                Named.of(
                        "revoked",
                        SCENE.response()
                                .revoked(NOW.minus(Duration.ofDays(10)), RevocationReason.KEY_COMPROMISE)
                                .build()),
                Named.of(
                        "revokedWithoutReason",
                        SCENE.response()
                                .revoked(NOW.minus(Duration.ofDays(1)), null)
                                .build()),
                Named.of("unknown", SCENE.response().unknown().build()),
                Named.of(
                        "stale",
                        SCENE.response()
                                .producedAt(NOW.minus(Duration.ofDays(8)))
                                .thisUpdate(NOW.minus(Duration.ofDays(8)))
                                .nextUpdate(NOW.minusSeconds(4501))
                                .build()),
                Named.of(
                        "badSignature",
                        SCENE.response().good().brokenSignature().build()),
                Named.of("wrongCertId", SCENE.response().wrongCertId().build()),
                Named.of(
                        "sameSerialOtherIssuer",
                        PKI.ocsp(SCENE.leaf, otherIssuer).build()),
                Named.of(
                        "unsuccessfulStatus",
                        SCENE.response().errorStatus(ErrorStatus.TRY_LATER).build()),
                Named.of("malformedGarbage", new byte[] {0x30, 0x03, 0x0a, 0x01}),
                Named.of("malformedEmpty", new byte[0]),
                Named.of("malformedTruncated", Arrays.copyOf(good, good.length - 7)));
    }

    @ParameterizedTest
    @MethodSource("responses")
    void parsedForm_givesTheSameCheckAsTheRawDer(byte[] der) {
        OcspResponse parsed = OcspResponse.parse(der);
        OcspResponseCheck raw = OcspResponseValidator.check(TARGET, der, NOW);

        assertThat(OcspResponseValidator.check(TARGET, parsed, NOW)).isEqualTo(raw);
        // and again: the parsed form is not consumed by a check (one parse serves every position)
        assertThat(OcspResponseValidator.check(TARGET, parsed, NOW)).isEqualTo(raw);
        assertThat(OcspPosition.of(TARGET).consider(parsed, NOW).held())
                .isEqualTo(OcspPosition.of(TARGET).consider(der, NOW).held());
        assertThat(OcspPosition.of(TARGET).consider(parsed, NOW).ignored())
                .isEqualTo(OcspPosition.of(TARGET).consider(der, NOW).ignored());
    }

    @Test
    void theCases_coverEveryKindOfVerdict() {
        // guards the parameterised test above against silently testing one kind of response only
        assertThat(responses()
                        .map(r -> OcspResponseValidator.check(TARGET, r.getPayload(), NOW)
                                .verdict()))
                .contains(
                        OcspVerdict.ACCEPTED,
                        OcspVerdict.BAD_SIGNATURE,
                        OcspVerdict.STALE,
                        OcspVerdict.WRONG_CERT_ID,
                        OcspVerdict.UNSUCCESSFUL_STATUS,
                        OcspVerdict.MALFORMED);
        assertThat(responses()
                        .map(r -> OcspResponseValidator.check(TARGET, r.getPayload(), NOW)
                                .status()))
                .contains(
                        java.util.Optional.of(OcspStatus.GOOD),
                        java.util.Optional.of(OcspStatus.REVOKED),
                        java.util.Optional.of(OcspStatus.UNKNOWN));
    }

    @Test
    void oneParsedResponse_servesTwoPositions_likeTheRawDer() {
        // a response about the leaf checked for the leaf's position and for its issuer's position
        OcspTarget issuerPosition = OcspTarget.of(SCENE.issuer.der(), SCENE.issuer.der());
        byte[] der = SCENE.response().good().build();
        OcspResponse parsed = OcspResponse.parse(der);
        for (OcspTarget target : List.of(TARGET, issuerPosition, TARGET)) {
            assertThat(OcspResponseValidator.check(target, parsed, NOW))
                    .isEqualTo(OcspResponseValidator.check(target, der, NOW));
        }
        assertThat(OcspResponseValidator.check(issuerPosition, parsed, NOW).verdict())
                .isEqualTo(OcspVerdict.WRONG_CERT_ID);
    }

    @Test
    void parse_copiesTheBytes_soLaterChangesToTheCallersArrayDoNotMatter() {
        byte[] der = SCENE.response().good().build();
        OcspResponseCheck before = OcspResponseValidator.check(TARGET, der, NOW);
        OcspResponse parsed = OcspResponse.parse(der);
        Arrays.fill(der, (byte) 0);
        assertThat(OcspResponseValidator.check(TARGET, parsed, NOW)).isEqualTo(before);
    }

    @Property(tries = 200)
    void anyBytes_parseWithoutThrowing_andCheckLikeTheRawDer(@ForAll @Size(max = 300) byte[] der) {
        Statistics.label("length").collect(der.length <= 16 ? "up to 16 bytes" : "longer");
        Statistics.label("length").coverage(c -> {
            c.check("up to 16 bytes").count(n -> n > 0);
            c.check("longer").count(n -> n > 0);
        });
        assertThat(OcspResponseValidator.check(TARGET, OcspResponse.parse(der), NOW))
                .isEqualTo(OcspResponseValidator.check(TARGET, der, NOW));
    }
}
