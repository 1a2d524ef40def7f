package io.github.sectrust4j.ct.internal;

import static io.github.sectrust4j.ct.CtTestLogs.spki;
import static io.github.sectrust4j.ct.CtTestLogs.usable;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.A;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.B;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.C;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.IOS_17;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.ISSUER;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.PKI;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.RSA;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.list;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.primitives.Bytes;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.Oids;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import io.github.sectrust4j.policy.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;

/**
 * A parsed leaf read as strict DER in the holder's shape gives the CT rules its validity times and embedded SCT list
 * from its own DER and extensions, without Bouncy Castle's structure: the evaluation is the one Bouncy Castle's
 * reading of the same bytes gives (the unparsed request), for UTCTime and GeneralizedTime validity, any number of
 * SCTs, broken ones, and a damaged SCT list.
 */
class LeafFactsReadingProperties {
    private static final List<TestCtLog> LOGS = List.of(A, B, C, RSA);
    private static final CtLogList LIST = list(usable(A), usable(B), usable(C), usable(RSA));
    /** 2049 ends in a UTCTime, 2050 on in a GeneralizedTime (RFC 5280 4.1.2.5). */
    private static final Instant[] NOT_AFTERS = {
        Instant.parse("2024-04-09T00:00:00Z"),
        Instant.parse("2049-12-31T23:59:59Z"),
        Instant.parse("2050-01-01T00:00:00Z")
    };

    @Property(tries = 120)
    void strictLeaf_readWithoutBouncyCastle_evaluatesAsItsReading(
            @ForAll @IntRange(min = 0, max = 3) int scts,
            @ForAll @IntRange(min = 0, max = 1_000) int choices,
            @ForAll @IntRange(min = 0, max = 4) int damage,
            @ForAll @IntRange(min = 0, max = 200) int at,
            @ForAll @IntRange(min = 1, max = 255) int xor) {
        Instant notBefore = Instant.parse("2024-01-10T00:00:00Z");
        Instant notAfter = NOT_AFTERS[choices % NOT_AFTERS.length];
        CertificateBuilder b = PKI.leaf("ct.example.test", ISSUER).validity(notBefore, notAfter);
        for (int i = 0; i < scts; i++) {
            TestCtLog log = LOGS.get((choices / 3 + i) % LOGS.size());
            Instant when = notBefore.minus(Duration.ofMinutes(1 + i));
            b = (choices >> (4 + i)) % 5 == 0 ? b.embeddedBrokenSct(log, when) : b.embeddedScts(log, when);
        }
        byte[] der = b.build().der();
        if (damage == 0 && scts > 0) {
            // a byte of the SCT list extension's value (its headers, lengths, an SCT's fields): parsed alike or
            // refused alike
            int oid = Bytes.indexOf(der, oidBytes(Oids.EMBEDDED_SCT_LIST));
            int p = oid + 12 + at;
            if (p < der.length) {
                der[p] ^= (byte) xor;
            }
        }
        Certificate parsed;
        try {
            parsed = Certificate.parse(der);
        } catch (CertificateInputException e) {
            Statistics.collect("certificate refused", "-");
            return;
        }
        CtEvaluation read = evaluate(CtRequest.builder(parsed, CtEvaluatorTest.VERIFY));
        CtEvaluation decoded = evaluate(CtRequest.builder(der, CtEvaluatorTest.VERIFY));
        assertThat(read).isEqualTo(decoded);
        // the precert TBS read with the facts, from their copy of the DER and its fields, is the one read anew
        Optional<Parsed<byte[]>> tbs = CtEvaluator.precertTbsAsRead(parsed);
        tbs.ifPresent(t -> {
            Parsed<byte[]> anew = SignedEntries.precertTbsOfParsed(parsed.der());
            assertThat(t.error()).isEqualTo(anew.error());
            assertThat(t.value().orElse(null)).isEqualTo(anew.value().orElse(null));
        });
        Statistics.label("precert TBS")
                .collect(tbs.map(t -> t.isOk() ? "read" : "refused").orElse("none"));
        Statistics.label("precert TBS").coverage(c -> {
            c.check("read").count(n -> n > 0);
            c.check("none").count(n -> n > 0);
        });
        Statistics.collect(
                parsed.strictHolderShape() ? "read" : "bouncy castle",
                read.outcomes().isEmpty() ? "no SCT judged" : read.qualified() ? "qualified" : "not qualified");
        Statistics.coverage(c -> {
            c.check("read", "qualified").count(n -> n > 0);
            c.check("read", "not qualified").count(n -> n > 0);
            c.check("read", "no SCT judged").count(n -> n > 0);
        });
    }

    private static CtEvaluation evaluate(CtRequest.Builder b) {
        return CtEvaluator.evaluate(
                b.issuerSpki(spki(ISSUER)).build(),
                LIST,
                RuleSet.forRelease(IOS_17).ctRules());
    }

    private static byte[] oidBytes(String oid) {
        try {
            return new ASN1ObjectIdentifier(oid).getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
