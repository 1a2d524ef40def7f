package io.github.sectrust4j.bench;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.bouncycastle.crypto.Digest;

/**
 * The JDK's (intrinsified) SHA-256 behind Bouncy Castle's {@link Digest}, as sectrust4j's verifier
 * hashes TBS certificates: BC's lightweight verifiers with the fastest digest available. Written here
 * rather than reusing sectrust4j's own adapter on purpose: the RAW floor must not run library code.
 */
final class JdkSha256 implements Digest {
    private final MessageDigest digest;

    JdkSha256() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String getAlgorithmName() {
        return "SHA-256"; // BC's RSA signer finds the DigestInfo OID by this name
    }

    @Override
    public int getDigestSize() {
        return 32;
    }

    @Override
    public void update(byte in) {
        digest.update(in);
    }

    @Override
    public void update(byte[] in, int inOff, int len) {
        digest.update(in, inOff, len);
    }

    @Override
    public int doFinal(byte[] out, int outOff) {
        try {
            return digest.digest(out, outOff, 32);
        } catch (DigestException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public void reset() {
        digest.reset();
    }
}
