package io.github.sectrust4j.cert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The native backend memoizes its form of a key on the {@link PublicKeyInfo} object; that memo belongs to the backend
 * that made it. When another backend verifies with the same key object (a process that switches providers, or the
 * tests that run both), it decodes the key with its own provider and keeps that instead of using a key object of a
 * foreign provider.
 */
class NativeKeyMemoTest {

    @ParameterizedTest
    @ValueSource(strings = {"EC", "RSA"})
    void eachBackendUsesItsOwnFormOfAKey(String keyType) throws Exception {
        List<String> providers = NativeVerifications.providers();
        assumeTrue(providers.size() == 2, "needs both native providers (Linux x86_64 has both)");
        SignatureBackend accp = SignatureBackends.accp().orElseThrow();
        SignatureBackend conscrypt = SignatureBackends.conscrypt().orElseThrow();

        KeyPairGenerator generator = KeyPairGenerator.getInstance(keyType);
        if (keyType.equals("EC")) {
            generator.initialize(new ECGenParameterSpec("secp256r1"));
        } else {
            generator.initialize(2048);
        }
        KeyPair pair = generator.generateKeyPair();
        String jca = keyType.equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        SignatureAlgorithm algorithm = SignatureAlgorithm.fromDer(
                new DefaultSignatureAlgorithmIdentifierFinder().find(jca).getEncoded());
        byte[] signed = "the signed bytes".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(jca);
        signer.initSign(pair.getPrivate());
        signer.update(signed);
        byte[] signature = signer.sign();
        byte[] otherData = "other bytes".getBytes(StandardCharsets.US_ASCII);

        PublicKeyInfo key = PublicKeyInfo.fromDer(pair.getPublic().getEncoded());
        // alternate the backends over the one key object: each verification must use the verifying backend's key
        for (SignatureBackend backend : List.of(accp, conscrypt, accp, conscrypt)) {
            long before = NativeVerifications.of(backend);
            assertThat(backend.verifies(algorithm, key, signed, signature)).isTrue();
            assertThat(backend.verifies(algorithm, key, otherData, signature)).isFalse();
            assertThat(NativeVerifications.of(backend) - before)
                    .as("both verdicts came from %s itself", backend.name())
                    .isEqualTo(2);
            assertThat(memoizedBy(key)).containsSame(backend);
            assertThat(memoizedKeyClass(key))
                    .as("the memoized key is %s's own", backend.name())
                    .startsWith(backend == accp ? "com.amazon.corretto." : "org.conscrypt.");
        }
    }

    private static Optional<Object> memoizedBy(PublicKeyInfo key) throws ReflectiveOperationException {
        Object memo = key.backendKey();
        if (memo == null) {
            return Optional.empty();
        }
        var accessor = memo.getClass().getDeclaredMethod("backend");
        accessor.setAccessible(true);
        return Optional.of(accessor.invoke(memo));
    }

    private static String memoizedKeyClass(PublicKeyInfo key) throws ReflectiveOperationException {
        Object memo = key.backendKey();
        var accessor = memo.getClass().getDeclaredMethod("key");
        accessor.setAccessible(true);
        return ((Optional<?>) accessor.invoke(memo)).orElseThrow().getClass().getName();
    }
}
