package io.github.sectrust4j.ct;

import io.github.sectrust4j.fixtures.HeldCertificate;
import io.github.sectrust4j.fixtures.KeyAlgorithm;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.fixtures.ct.TestCtLog;
import java.io.ByteArrayOutputStream;
import java.time.Instant;

/**
 * Glue between the test-fixtures CT logs ({@code io.github.sectrust4j.fixtures.ct}) and this package's
 * log model; minting itself is the fixtures' job.
 */
final class CtTestLogs {
    /** One seeded PKI for the CT tests: keys come from the fixtures' deterministic key pool. */
    static final TestPki PKI = TestPki.seeded(6962);

    private CtTestLogs() {}

    /** An EC P-256 log with its own operator (TestPki.ctLog gives every log the same operator). */
    static TestCtLog log(String operator, String description) {
        return new TestCtLog(description, operator, PKI.nextKeyPair(KeyAlgorithm.ecP256()), KeyAlgorithm.ecP256());
    }

    static TestCtLog rsaLog(String operator, String description) {
        return new TestCtLog(description, operator, PKI.nextKeyPair(KeyAlgorithm.rsa(2048)), KeyAlgorithm.rsa(2048));
    }

    static byte[] spki(TestCtLog log) {
        return log.keyPair().getPublic().getEncoded();
    }

    static byte[] spki(HeldCertificate certificate) {
        return certificate.keyPair().getPublic().getEncoded();
    }

    static LogId id(TestCtLog log) {
        return LogId.of(log.logId());
    }

    static CtLog usable(TestCtLog log) {
        return CtLog.usable(spki(log), log.operator(), log.description());
    }

    static CtLog in(TestCtLog log, CtLogState state, Instant at) {
        return CtLog.of(spki(log), log.operator(), log.description(), state, at);
    }

    /** TLS framing (2-byte lengths) around arbitrary items, for lists whose items need not be SCTs. */
    static byte[] tlsList(byte[]... items) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] item : items) {
            body.write(item.length >>> 8);
            body.write(item.length & 0xff);
            body.writeBytes(item);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(body.size() >>> 8);
        out.write(body.size() & 0xff);
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }
}
