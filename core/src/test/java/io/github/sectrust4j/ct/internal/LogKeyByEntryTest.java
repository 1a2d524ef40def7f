package io.github.sectrust4j.ct.internal;

import static io.github.sectrust4j.ct.CtTestLogs.spki;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.A;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.B;
import static io.github.sectrust4j.ct.internal.CtEvaluatorTest.RSA;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.cert.PublicKeyInfo;
import io.github.sectrust4j.ct.CtLog;
import io.github.sectrust4j.ct.CtTestLogs;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A log-list entry's key found by the entry object is the key its bytes give: for EC and RSA logs, equal keys in
 * distinct entries, a key that is no SubjectPublicKeyInfo and a huge one (never kept), asked in turns and again.
 */
class LogKeyByEntryTest {
    @Test
    void keyByEntry_isTheKeyByItsBytes_forEveryKindOfKey() throws Exception {
        byte[] huge = new org.bouncycastle.asn1.x509.SubjectPublicKeyInfo(
                        new org.bouncycastle.asn1.x509.AlgorithmIdentifier(
                                new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4")),
                        new byte[SctSignatures.MAX_KEPT_KEY_BYTES + 1])
                .getEncoded();
        List<CtLog> logs = List.of(
                CtTestLogs.usable(A),
                CtTestLogs.usable(RSA),
                CtTestLogs.usable(B),
                CtLog.usable(spki(A), "another entry", "with A's key"),
                CtLog.usable(new byte[] {0x30, 0x03, 0x02, 0x01, 0x05}, "op", "not a SubjectPublicKeyInfo"),
                CtLog.usable(huge, "op", "a huge key"));
        List<Optional<PublicKeyInfo>> first = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < logs.size(); i++) {
                CtLog log = logs.get(i);
                Optional<PublicKeyInfo> byEntry = SctSignatures.logKey(log);
                assertThat(byEntry).as(log.description()).isEqualTo(SctSignatures.logKey(log.spki()));
                if (round == 0) {
                    first.add(byEntry);
                } else {
                    assertThat(byEntry).as(log.description()).isEqualTo(first.get(i));
                }
            }
        }
        assertThat(first.subList(0, 4)).allMatch(Optional::isPresent);
        assertThat(first.get(0)).isEqualTo(first.get(3)).isNotEqualTo(first.get(2));
        assertThat(first.get(4)).isEmpty();
        assertThat(SctSignatures.keeps(huge)).isFalse();
    }
}
