package io.github.sectrust4j.policy.rfc5280;

import static io.github.sectrust4j.policy.rfc5280.TestPaths.anchored;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.cert;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.codes;
import static io.github.sectrust4j.policy.rfc5280.TestPaths.process;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.policy.names.NameConstraintCheck;
import io.github.sectrust4j.policy.names.NameConstraintState;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * {@link BasicCertificateProcessing} skips the name-constraint step while no constraint is in force (it no longer
 * works out the certificate's names then). Exact only if the skipped call could never fail: for certificates of
 * every name shape, {@code unconstrained().permits(names)} is {@link NameConstraintCheck#permitted() permitted}, and
 * a path with no nameConstraints records no name-constraint failure, while the same path under a constraining CA
 * still does.
 */
class UnconstrainedNamesProperties {
    private static final TestPki PKI = TestPki.seeded(6106);
    private static final HeldCertificate ROOT = PKI.root("Names Root").build();
    private static final HeldCertificate CA = PKI.intermediate("Names CA", ROOT).build();
    private static final HeldCertificate CONSTRAINED = PKI.intermediate("Names Constrained CA", ROOT)
            .permittedDns("permitted.test")
            .permittedIp("198.51.100.0/24", "2001:db8:ffff::/48")
            .permittedEmail("permitted.test")
            .permittedUri("permitted.test")
            .permittedDirectoryName("O=Permitted")
            .build();

    /** Name shapes of a leaf: each bit adds one kind of name (bit 0 set: an empty subject instead of a CN). */
    private static HeldCertificate leaf(HeldCertificate issuer, int shape, int n) {
        CertificateBuilder b = PKI.leaf("host" + n + ".example", issuer);
        if ((shape & 1) != 0) {
            b.emptySubject();
        }
        if ((shape & 2) != 0) {
            b.clearSubjectAltNames();
        }
        if ((shape & 4) != 0) {
            b.ipAddresses("192.0.2." + (n % 250), "2001:db8::" + Integer.toHexString(n));
        }
        if ((shape & 8) != 0) {
            b.emails("user" + n + "@example.org");
        }
        if ((shape & 16) != 0) {
            b.uris("https://u" + n + ".example/path");
        }
        if ((shape & 32) != 0) {
            b.directoryName("CN=Dir " + n + ",O=Names");
        }
        if ((shape & 64) != 0) {
            b.subject("CN=host" + n + ".example,E=mail" + n + "@example.org,O=Names");
        }
        if ((shape & 128) != 0) {
            b.noSubjectAltName();
        }
        return b.build();
    }

    @Property(tries = 120)
    void theSkippedStepNeverFailsAndAConstrainedPathStillChecks(
            @ForAll @IntRange(min = 0, max = 255) int shape, @ForAll @IntRange(min = 0, max = 10_000) int n) {
        HeldCertificate held = leaf(CA, shape, n);
        Certificate c = cert(held);
        boolean hasSan = c.subjectAltName().isPresent();
        boolean emptySubject = c.subject().der().length <= 2;
        Statistics.collect(hasSan ? "SAN" : "no SAN", emptySubject ? "empty subject" : "subject");
        Statistics.coverage(k -> {
            k.check("SAN", "subject").count(x -> x > 0);
            k.check("SAN", "empty subject").count(x -> x > 0);
            k.check("no SAN", "subject").count(x -> x > 0);
            k.check("no SAN", "empty subject").count(x -> x > 0);
        });

        // the old way: the call the processing no longer makes with no constraint in force
        NameConstraintCheck old = NameConstraintState.unconstrained().permits(Names.of(c));
        assertThat(old.permitted()).isTrue();
        assertThat(old.violatingName()).isEmpty();

        List<String> unconstrained = codes(process("17.4", PKI.now(), anchored(held, CA, ROOT), true));
        assertThat(unconstrained).noneMatch(f -> f.startsWith("NameConstraints"));

        // a constraint in force is still checked: every form is constrained and no leaf name lies in a permitted
        // subtree (a leaf without any name fails as well)
        List<String> constrained =
                codes(process("17.4", PKI.now(), anchored(leaf(CONSTRAINED, shape, n), CONSTRAINED, ROOT), true));
        assertThat(constrained).contains("NameConstraints@0");
    }
}
