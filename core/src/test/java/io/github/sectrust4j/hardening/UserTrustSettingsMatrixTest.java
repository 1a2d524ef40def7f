package io.github.sectrust4j.hardening;

import static io.github.sectrust4j.hardening.Hardening.certs;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.SecTrustResult;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.TrustSetting.Result;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The §7.3 trust-settings algorithm attacked through the public API: which user-store entries may
 * anchor (self-signed + TrustRoot, not-self-signed + TrustAsRoot, empty settings only when self-signed),
 * the first matching constraint decides, policy and host constraints must match, Deny wins, and an
 * allowed error excuses only failures of the certificate that carries it.
 */
class UserTrustSettingsMatrixTest {
    private static final HeldCertificate ROOT;
    private static final HeldCertificate ICA;
    private static final HeldCertificate LEAF;
    private static final HeldCertificate OTHER_HOST_LEAF;

    static {
        TestPki pki = TestPki.seeded(131);
        ROOT = pki.root("Matrix Root").build();
        ICA = pki.intermediate("Matrix Issuing CA", ROOT).build();
        LEAF = pki.leaf("example.com", ICA).validForDays(90).build();
        OTHER_HOST_LEAF = pki.leaf("other.example", ICA).validForDays(90).build();
    }

    enum Holder {
        ROOT,
        INTERMEDIATE,
        LEAF
    }

    static TrustSetting s(Result r) {
        return TrustSetting.of(r);
    }

    static Stream<Arguments> matrix() {
        int hostMismatch = TrustSetting.CSSM_HOSTNAME_MISMATCH;
        return Stream.of(
                Arguments.of("root, no settings", Holder.ROOT, List.of(), false, SecTrustResult.PROCEED),
                Arguments.of(
                        "root, TrustRoot", Holder.ROOT, List.of(s(Result.TRUST_ROOT)), false, SecTrustResult.PROCEED),
                Arguments.of(
                        "root, TrustAsRoot (self-signed: no anchor)",
                        Holder.ROOT,
                        List.of(s(Result.TRUST_AS_ROOT)),
                        false,
                        SecTrustResult.RECOVERABLE_TRUST_FAILURE),
                Arguments.of(
                        "root, Unspecified",
                        Holder.ROOT,
                        List.of(s(Result.UNSPECIFIED)),
                        false,
                        SecTrustResult.RECOVERABLE_TRUST_FAILURE),
                Arguments.of("root, Deny", Holder.ROOT, List.of(s(Result.DENY)), false, SecTrustResult.DENY),
                Arguments.of(
                        "root, TrustRoot for basic only",
                        Holder.ROOT,
                        List.of(s(Result.TRUST_ROOT).forPolicy(Policy.BASIC)),
                        false,
                        SecTrustResult.RECOVERABLE_TRUST_FAILURE),
                Arguments.of(
                        "root, TrustRoot for another host",
                        Holder.ROOT,
                        List.of(s(Result.TRUST_ROOT).forHost("other.example")),
                        false,
                        SecTrustResult.RECOVERABLE_TRUST_FAILURE),
                Arguments.of(
                        "root, TrustRoot for this host",
                        Holder.ROOT,
                        List.of(s(Result.TRUST_ROOT).forHost("EXAMPLE.com")),
                        false,
                        SecTrustResult.PROCEED),
                Arguments.of(
                        "root, partial trust (profile switch off)",
                        Holder.ROOT,
                        List.of(s(Result.UNSPECIFIED).forPolicy(Policy.SSL_SERVER), s(Result.TRUST_ROOT)),
                        false,
                        SecTrustResult.RECOVERABLE_TRUST_FAILURE),
                Arguments.of(
                        "root, Deny for another host then TrustRoot",
                        Holder.ROOT,
                        List.of(s(Result.DENY).forHost("other.example"), s(Result.TRUST_ROOT)),
                        false,
                        SecTrustResult.PROCEED),
                Arguments.of(
                        "root, TrustRoot allowing host mismatch: excuses only the root",
                        Holder.ROOT,
                        List.of(s(Result.TRUST_ROOT).allowingError(hostMismatch)),
                        true,
                        SecTrustResult.RECOVERABLE_TRUST_FAILURE),
                Arguments.of(
                        "intermediate, no settings (not self-signed: no anchor)",
                        Holder.INTERMEDIATE,
                        List.of(),
                        false,
                        SecTrustResult.RECOVERABLE_TRUST_FAILURE),
                Arguments.of(
                        "intermediate, TrustRoot (not self-signed: no anchor)",
                        Holder.INTERMEDIATE,
                        List.of(s(Result.TRUST_ROOT)),
                        false,
                        SecTrustResult.RECOVERABLE_TRUST_FAILURE),
                Arguments.of(
                        "intermediate, TrustAsRoot",
                        Holder.INTERMEDIATE,
                        List.of(s(Result.TRUST_AS_ROOT)),
                        false,
                        SecTrustResult.PROCEED),
                Arguments.of(
                        "intermediate, Deny", Holder.INTERMEDIATE, List.of(s(Result.DENY)), false, SecTrustResult.DENY),
                Arguments.of(
                        "leaf, TrustAsRoot allowing host mismatch",
                        Holder.LEAF,
                        List.of(s(Result.TRUST_AS_ROOT).allowingError(hostMismatch)),
                        true,
                        SecTrustResult.PROCEED),
                Arguments.of(
                        "leaf, TrustAsRoot, host mismatch",
                        Holder.LEAF,
                        List.of(s(Result.TRUST_AS_ROOT)),
                        true,
                        SecTrustResult.RECOVERABLE_TRUST_FAILURE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void userStoreEntry_anchorsOrNot_exactlyAsSection7_3Says(
            String name, Holder holder, List<TrustSetting> settings, boolean wrongHostLeaf, SecTrustResult expected) {
        HeldCertificate leaf = wrongHostLeaf ? OTHER_HOST_LEAF : LEAF;
        HeldCertificate held = holder == Holder.ROOT ? ROOT : holder == Holder.INTERMEDIATE ? ICA : leaf;
        Certificate entry = Certificate.parse(held.der());
        TrustReport r = SecTrust.ios("17.4")
                .forServer("example.com")
                .at(TestPki.DEFAULT_NOW)
                .withUserRoot(new UserRoot(entry, InstallChannel.MDM, FullTrust.ON, Optional.of(settings)))
                .evaluate(certs(leaf, ICA));

        assertThat(r.result()).as(name + "\n" + r.explain()).isEqualTo(expected);
    }
}
