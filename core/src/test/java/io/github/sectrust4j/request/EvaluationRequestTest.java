package io.github.sectrust4j.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.PathBudget;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.ct.CtExceptions;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.TestPkiExtension;
import io.github.sectrust4j.revocation.OcspFetcher;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link EvaluationRequest}: one canonical constructor, a builder with documented defaults, {@code with…} copies. */
@ExtendWith(TestPkiExtension.class)
class EvaluationRequestTest {

    private static List<Certificate> chain(TestPki pki) {
        HeldCertificate root = pki.root("Root").build();
        HeldCertificate leaf = pki.leaf("a.example", root).build();
        return List.of(Certificate.parse(leaf.der()), Certificate.parse(root.der()));
    }

    @Test
    void builder_startsFromTheDefaults(TestPki pki) {
        List<Certificate> chain = chain(pki);
        Instant at = pki.now();
        EvaluationRequest r = EvaluationRequest.builder(IosRelease.parse("17.4"), Policy.SSL_SERVER, at, chain)
                .build();
        assertThat(r.leaf()).isEqualTo(chain.get(0));
        assertThat(r.currentTime())
                .as("the real clock defaults to the verify time")
                .isEqualTo(at);
        assertThat(r.referenceHost()).isEmpty();
        assertThat(r.appAnchors()).isEmpty();
        assertThat(r.anchorsOnly()).isFalse();
        assertThat(r.systemStore()).isEmpty();
        assertThat(r.network()).isFalse();
        assertThat(r.budget()).isEqualTo(PathBudget.DEFAULT);
        assertThat(r.ct()).isEqualTo(CtInputs.DEFAULT);
        assertThat(r.revocation()).isEqualTo(RevocationInputs.DEFAULT);
        assertThat(r.exceptions()).isEqualTo(ExceptionInputs.NONE);
        assertThat(r.extraEvRoots()).isEmpty();
        assertThat(r.requiredKeyUsage()).isZero();
    }

    @Test
    void toBuilder_keepsEveryInput_andWithMethodsChangeOnlyTheirs(TestPki pki) throws ReflectiveOperationException {
        List<Certificate> chain = chain(pki);
        Instant at = pki.now();
        EvaluationRequest r = EvaluationRequest.builder(IosRelease.parse("12.5"), Policy.BASIC, at, chain)
                .referenceHost(Optional.of(ReferenceHost.of("a.example")))
                .currentTime(at.plusSeconds(60))
                .appAnchors(List.of(chain.get(1)))
                .anchorsOnly(true)
                .cachedIntermediates(List.of(chain.get(1)))
                .extraSystemRoots(List.of(chain.get(1)))
                .ocspResponses(List.of(new byte[] {1, 2}))
                .scts(List.of(new byte[] {3}))
                .network(true)
                .extraEvRoots(Map.of("ab", List.of("2.23.140.1.1")))
                .requiredKeyUsage(4)
                .userRoots(List.of(new UserRoot(chain.get(1), InstallChannel.PROFILE, FullTrust.OFF, Optional.empty())))
                .systemStore(Optional.of(AppleTrustStores.latest()))
                .aiaFetcher(Optional.of(url -> Optional.empty()))
                .budget(new PathBudget(5, 50, 7, 9))
                .ct(new CtInputs(Optional.of(CtLogList.empty()), false, true, CtExceptions.none()))
                .revocation(new RevocationInputs(Optional.empty(), true, true, OcspFetcher.NONE))
                .exceptions(new ExceptionInputs(Optional.empty(), 3))
                .build();
        // every input differs from its default, so a toBuilder() that dropped one would fail the comparison below
        EvaluationRequest defaults = EvaluationRequest.builder(
                        IosRelease.parse("12.5"), Policy.BASIC, at, List.of(chain.get(0)))
                .build();
        for (RecordComponent c : EvaluationRequest.class.getRecordComponents()) {
            if (List.of("release", "policy", "verifyTime").contains(c.getName())) {
                continue; // given to builder() itself
            }
            assertThat(c.getAccessor().invoke(r))
                    .as("test input %s must differ from its default", c.getName())
                    .isNotEqualTo(c.getAccessor().invoke(defaults));
        }
        EvaluationRequest copy = r.toBuilder().build();
        assertThat(copy).usingRecursiveComparison().isEqualTo(r);
        assertThat(copy.extraEvRoots()).containsOnlyKeys("AB"); // normalised once, kept

        ExceptionInputs other = new ExceptionInputs(Optional.empty(), 7);
        EvaluationRequest excepted = r.withExceptions(other);
        assertThat(excepted.exceptions()).isEqualTo(other);
        assertThat(excepted)
                .usingRecursiveComparison()
                .ignoringFields("exceptions")
                .isEqualTo(r);
        assertThat(r.withRequiredKeyUsage(4)).isSameAs(r);
        assertThat(r.withRequiredKeyUsage(1).requiredKeyUsage()).isEqualTo(1);
    }

    @Test
    void build_refusesARequestWithoutALeaf(TestPki pki) {
        EvaluationRequest.Builder b =
                EvaluationRequest.builder(IosRelease.parse("17.4"), Policy.SSL_SERVER, pki.now(), List.of());
        assertThatThrownBy(b::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("leaf");
    }
}
