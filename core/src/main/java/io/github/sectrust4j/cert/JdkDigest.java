package io.github.sectrust4j.cert;

import java.security.DigestException;
import java.security.MessageDigest;
import java.util.function.Supplier;
import org.bouncycastle.crypto.Digest;

/**
 * A JDK {@link MessageDigest} behind Bouncy Castle's {@link Digest} interface, so BC's lightweight
 * signers hash the TBSCertificate with the JDK's intrinsified SHA implementations. Reports BC's
 * algorithm name (BC's RSA signer looks up the DigestInfo OID by it). Not thread-safe, like BC's digests.
 */
final class JdkDigest implements Digest {
    private final MessageDigest digest;
    private final String bcName;

    private JdkDigest(MessageDigest digest, String bcName) {
        this.digest = digest;
        this.bcName = bcName;
    }

    /** A supplier of fresh digests: {@code jdkName} from the JDK (SHA-1 and SHA-2 exist on every Java platform). */
    static Supplier<Digest> of(String jdkName, String bcName) {
        return () -> new JdkDigest(Digests.fresh(jdkName), bcName);
    }

    @Override
    public String getAlgorithmName() {
        return bcName;
    }

    @Override
    public int getDigestSize() {
        return digest.getDigestLength();
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
            return digest.digest(out, outOff, out.length - outOff);
        } catch (DigestException e) {
            throw new IllegalArgumentException("output buffer too short", e);
        }
    }

    @Override
    public void reset() {
        digest.reset();
    }
}
