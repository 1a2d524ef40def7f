package io.github.sectrust4j.policy;

import static io.github.sectrust4j.policy.PolicyTestSupport.certs;
import static io.github.sectrust4j.policy.PolicyTestSupport.path;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.FindingCode;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.policy.CheckTestSupport.Explained;
import io.github.sectrust4j.policy.NonEmptySubjectCheck.EmptySubject;
import io.github.sectrust4j.policy.PolicyTestSupport.Anchor;
import io.github.sectrust4j.policy.PolicyTestSupport.Req;
import io.github.sectrust4j.policy.UnparseableExtensionCheck.Extensions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link NonEmptySubjectCheck}, {@link UnparseableExtensionCheck} and {@link DuplicateExtensionCheck} (§2.2). */
class ExtensionChecksTest {
    private final TestPki pki = TestPki.seeded(46);
    private final HeldCertificate root = pki.root("Contoso Root CA").build();
    private final HeldCertificate ca =
            pki.intermediate("Contoso Issuing CA", root).build();

    @Test
    void aWellFormedLeaf_passesAllThree() {
        List<Certificate> c = certs(pki.leaf("a.contoso.com", ca).build(), ca, root);
        for (AppleCheck check : List.of(
                NonEmptySubjectCheck.INSTANCE, UnparseableExtensionCheck.INSTANCE, DuplicateExtensionCheck.INSTANCE)) {
            assertThat(CheckTestSupport.run(check, path(Anchor.APP, c), new Req(pki.now()).build(c)))
                    .isEmpty();
        }
        List<Certificate> criticalSan = certs(
                pki.leaf("b.contoso.com", ca)
                        .emptySubject()
                        .subjectAltNameCritical(true)
                        .build(),
                ca,
                root);
        assertThat(CheckTestSupport.run(
                        NonEmptySubjectCheck.INSTANCE,
                        path(Anchor.APP, criticalSan),
                        new Req(pki.now()).build(criticalSan)))
                .isEmpty();
    }

    @Test
    void anEmptySubjectWithoutACriticalSan_failsNonEmptySubject() {
        List<Certificate> c = certs(pki.leaf("a.contoso.com", ca).emptySubject().build(), ca, root);
        Explained e = CheckTestSupport.recorded(
                NonEmptySubjectCheck.INSTANCE,
                FindingCode.NON_EMPTY_SUBJECT,
                path(Anchor.APP, c),
                new Req(pki.now()).build(c));
        assertThat(e.failure().evidence(EmptySubject.class)).isEqualTo(new EmptySubject(false, true, false));
        String name = PathFacts.displayName(c.get(0));
        assertThat(e.message())
                .isEqualTo(
                        "NonEmptySubject: leaf '" + name + "' (certificate 0) {ca=false, subjectAltNamePresent=true, "
                                + "subjectAltNameCritical=false}.");
        assertThat(e.remedy()).startsWith("Reissue '" + name + "' with a non-empty subject");
        assertThat(e.rule().summary()).contains("critical SAN");
    }

    @Test
    void aGarbledSan_failsUnparseableExtension() {
        List<Certificate> c = certs(
                pki.leaf("a.contoso.com", ca)
                        .noSubjectAltName()
                        .garbageExtension("2.5.29.17", false)
                        .build(),
                ca,
                root);
        Explained e = CheckTestSupport.recorded(
                UnparseableExtensionCheck.INSTANCE,
                FindingCode.UNPARSEABLE_EXTENSION,
                path(Anchor.APP, c),
                new Req(pki.now()).build(c));
        assertThat(e.failure().evidence(Extensions.class)).isEqualTo(new Extensions(List.of("2.5.29.17")));
        assertThat(e.message())
                .isEqualTo("UnparseableExtension: leaf 'a.contoso.com' (certificate 0) {extensions=[2.5.29.17]}.");
        assertThat(e.remedy()).isEqualTo("Reissue 'a.contoso.com' without the malformed extension(s) [2.5.29.17].");
        assertThat(e.rule().since()).contains("13.0");
    }

    @Test
    void aTwiceListedExtension_failsDuplicateExtension() {
        List<Certificate> c = certs(
                pki.leaf("a.contoso.com", ca).duplicateExtension("2.5.29.15").build(), ca, root);
        Explained e = CheckTestSupport.recorded(
                DuplicateExtensionCheck.INSTANCE,
                FindingCode.DUPLICATE_EXTENSION,
                path(Anchor.APP, c),
                new Req(pki.now()).build(c));
        assertThat(e.failure().evidence(Extensions.class)).isEqualTo(new Extensions(List.of("2.5.29.15")));
        assertThat(e.message())
                .isEqualTo("DuplicateExtension: leaf 'a.contoso.com' (certificate 0) {extensions=[2.5.29.15]}.");
        assertThat(e.remedy())
                .isEqualTo("Reissue 'a.contoso.com' with each extension only once (duplicated: [2.5.29.15]).");
        assertThat(e.rule().since()).contains("15.0");
    }
}
