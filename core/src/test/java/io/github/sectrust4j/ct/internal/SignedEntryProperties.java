package io.github.sectrust4j.ct.internal;

import static io.github.sectrust4j.ct.CtTestLogs.spki;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.A;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.B;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.C;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.ISSUER;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.NOT_AFTER;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.NOT_BEFORE;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.PKI;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.Extension;
import io.github.sectrust4j.cert.Oids;
import io.github.sectrust4j.fixtures.CertificateBuilder;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * A signed entry kept as its head and the certificate bytes it ends with gives, in one copy, the very data the entry
 * materialized in an array of its own gave (the RFC 6962 §3.2 struct, written out here as the evaluator wrote it
 * before): same entry bytes, same entry SHA-256 (the SCT verdict key's), same signed data, for x509 and precert
 * entries of leaves of every length class, SCTs with and without extensions; and the logs' real signatures over
 * embedded SCTs verify over it.
 */
class SignedEntryProperties {
    private static final List<TestCtLog> LOGS = List.of(A, B, C, RSA);

    @Property(tries = 200)
    void entryAndSignedData_areTheMaterializedOnes(
            @ForAll @IntRange(min = 0, max = 3) int scts,
            @ForAll @IntRange(min = 0, max = 600) int nameLength,
            @ForAll @IntRange(min = 0, max = 40) int extensions,
            @ForAll long seed,
            @ForAll boolean precert) {
        CertificateBuilder b = PKI.leaf("ct.example.test", ISSUER)
                .validity(NOT_BEFORE, NOT_AFTER)
                // a SAN of any length moves the TBS across the one-, two- and three-byte DER length forms
                .dnsNames("ct.example.test", "a".repeat(1 + nameLength % 63) + ".x".repeat(nameLength / 2) + ".test");
        for (int i = 0; i < scts; i++) {
            b = b.embeddedScts(
                    LOGS.get((int) Math.floorMod(seed + i, (long) LOGS.size())),
                    NOT_BEFORE.minus(Duration.ofMinutes(1 + i)));
        }
        byte[] der = b.build().der();
        byte[] issuer = spki(ISSUER);
        Random random = new Random(seed);
        byte[] ext = new byte[extensions];
        random.nextBytes(ext);
        SignedCertificateTimestamp sct =
                SignedCertificateTimestamp.parse(rawSct(random, ext)).value().orElseThrow();

        SignedEntries.Entry entry;
        byte[] materialized;
        if (precert) {
            Parsed<byte[]> tbs = SignedEntries.precertTbsOfParsed(der);
            entry = SignedEntries.precertEntry(tbs, issuer).value().orElseThrow();
            materialized = materializedPrecertEntry(tbs.value().orElseThrow(), issuer);
        } else {
            entry = SignedEntries.x509Entry(der);
            materialized = materializedX509Entry(der);
        }

        assertThat(entry.bytes()).isEqualTo(materialized);
        assertThat(entry.sha256())
                .isEqualTo(Hashing.sha256().hashBytes(materialized).asBytes());
        assertThat(SignedEntries.signedData(sct, entry)).isEqualTo(materializedSignedData(sct, materialized));
        int verified = 0;
        if (precert) {
            // the logs signed the entry the precertificate gave: their SCTs verify over the one-copy signed data
            for (byte[] raw : embedded(der)) {
                SignedCertificateTimestamp real =
                        SignedCertificateTimestamp.parse(raw).value().orElseThrow();
                assertThat(SctSignatures.verify(real, SignedEntries.signedData(real, entry), spki(logOf(real))))
                        .isTrue();
                verified++;
            }
        }
        int tbsLength = entry.body().length;
        Statistics.collect(
                precert ? "precert" : "x509",
                tbsLength < 256 ? "<256" : tbsLength < 65_536 ? "<65536" : "longer",
                extensions == 0 ? "no SCT extensions" : "SCT extensions",
                verified > 0 ? "real SCTs verified" : "-");
        Statistics.coverage(c -> {
            c.check("precert", "<65536", "SCT extensions", "real SCTs verified").count(n -> n > 0);
            c.check("precert", "<65536", "no SCT extensions", "-").count(n -> n > 0);
            c.check("x509", "<65536", "SCT extensions", "-").count(n -> n > 0);
            c.check("x509", "<65536", "no SCT extensions", "-").count(n -> n > 0);
        });
    }

    /** A v1 SCT with random log id, timestamp, algorithms and signature, and {@code ext} as its extensions. */
    private static byte[] rawSct(Random random, byte[] ext) {
        byte[] logId = new byte[32];
        random.nextBytes(logId);
        byte[] signature = new byte[1 + random.nextInt(80)];
        random.nextBytes(signature);
        ByteBuffer out = ByteBuffer.allocate(1 + 32 + 8 + 2 + ext.length + 2 + 2 + signature.length);
        out.put((byte) 0).put(logId).putLong(random.nextLong() & Long.MAX_VALUE);
        out.putShort((short) ext.length).put(ext);
        out.put((byte) 4).put((byte) 3).putShort((short) signature.length).put(signature);
        return out.array();
    }

    private static List<byte[]> embedded(byte[] der) {
        for (Extension e : Certificate.parse(der).extensions()) {
            if (e.oid().equals(Oids.EMBEDDED_SCT_LIST)) {
                return SctLists.fromExtensionValue(e.value()).value().orElseThrow();
            }
        }
        return List.of();
    }

    private static TestCtLog logOf(SignedCertificateTimestamp sct) {
        return LOGS.stream()
                .filter(l -> java.util.Arrays.equals(l.logId(), sct.logId().bytes()))
                .findFirst()
                .orElseThrow();
    }

    // ---- the entry and signed data as the evaluator built them before: each in an array of its own ----

    private static byte[] materializedX509Entry(byte[] leafDer) {
        ByteBuffer out = ByteBuffer.allocate(5 + leafDer.length);
        out.putShort((short) 0);
        u24(out, leafDer.length);
        out.put(leafDer);
        return out.array();
    }

    private static byte[] materializedPrecertEntry(byte[] tbs, byte[] issuerSpki) {
        byte[] keyHash = Hashing.sha256().hashBytes(issuerSpki).asBytes();
        ByteBuffer out = ByteBuffer.allocate(2 + keyHash.length + 3 + tbs.length);
        out.putShort((short) 1);
        out.put(keyHash);
        u24(out, tbs.length);
        out.put(tbs);
        return out.array();
    }

    private static byte[] materializedSignedData(SignedCertificateTimestamp sct, byte[] entry) {
        byte[] ext = sct.extensionsView();
        ByteBuffer out = ByteBuffer.allocate(2 + 8 + entry.length + 2 + ext.length);
        out.put((byte) 0);
        out.put((byte) 0);
        out.putLong(sct.timestampMillis());
        out.put(entry);
        out.putShort((short) ext.length);
        out.put(ext);
        return out.array();
    }

    private static void u24(ByteBuffer out, int v) {
        out.put((byte) (v >>> 16));
        out.put((byte) (v >>> 8));
        out.put((byte) v);
    }
}
