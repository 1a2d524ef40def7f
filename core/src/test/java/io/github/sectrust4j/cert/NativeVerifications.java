package io.github.sectrust4j.cert;

/** For tests outside this package: how many verifications a backend's native provider made. */
public final class NativeVerifications {
    private NativeVerifications() {
    }

    /** The provider's own verifications so far; 0 for Bouncy Castle. */
    public static long of(SignatureBackend backend) {
        return backend instanceof NativeSignatureBackend n ? n.nativeVerifications() : 0;
    }
}
