package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The same signature check made again (a stapled OCSP response at every position of every candidate
 * path, a TLS SCT under every candidate issuer key) runs its cryptography once; any differing input is
 * a different check.
 */
class VerifiedSignaturesTest {
    private static final byte[] KEY = {1, 2, 3};
    private static final byte[] ALG = {4};
    private static final byte[] SIGNED = "tbs".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Test
    void aRepeatedCheck_isComputedOnce_andKeepsItsVerdict() {
        AtomicInteger runs = new AtomicInteger();
        byte[] signature = {(byte) System.nanoTime(), 9, 9}; // fresh per run of the suite
        for (int i = 0; i < 1_000; i++) {
            boolean verdict = VerifiedSignatures.verify(KEY, ALG, SIGNED, signature, () -> {
                runs.incrementAndGet();
                return true;
            });
            assertThat(verdict).isTrue();
        }
        assertThat(runs).hasValue(1);
    }

    @Test
    void everyInputIsPartOfTheCheck() {
        AtomicInteger runs = new AtomicInteger();
        byte[] signature = {(byte) System.nanoTime(), 7};
        VerifiedSignatures.verify(KEY, ALG, SIGNED, signature, () -> runs.incrementAndGet() < 0);
        VerifiedSignatures.verify(new byte[] {1, 2, 4}, ALG, SIGNED, signature, () -> runs.incrementAndGet() < 0);
        VerifiedSignatures.verify(KEY, new byte[] {5}, SIGNED, signature, () -> runs.incrementAndGet() < 0);
        VerifiedSignatures.verify(KEY, ALG, new byte[] {'t'}, signature, () -> runs.incrementAndGet() < 0);
        VerifiedSignatures.verify(KEY, ALG, SIGNED, new byte[] {signature[0], 8}, () -> runs.incrementAndGet() < 0);
        // framing: moving a byte from one input to the next is another check
        VerifiedSignatures.verify(
                new byte[] {1, 2}, new byte[] {3, 4}, SIGNED, signature, () -> runs.incrementAndGet() < 0);

        assertThat(runs).hasValue(6);
    }

    @Test
    void aVerificationThatThrows_verifiesNothing() {
        assertThat(VerifiedSignatures.verify(KEY, ALG, SIGNED, new byte[] {(byte) System.nanoTime(), 1, 1, 1}, () -> {
                    throw new IllegalStateException("broken provider");
                }))
                .isFalse();
    }
}
