package io.github.sectrust4j.cert;

import java.util.List;

/** For tests outside this package: the native providers to test, and how many verifications one made. */
public final class NativeVerifications {
    private NativeVerifications() {}

    /** The provider's own verifications so far; 0 for Bouncy Castle. */
    public static long of(SignatureBackend backend) {
        return backend instanceof NativeSignatureBackend n ? n.nativeVerifications() : 0;
    }

    /**
     * The native backends the tests compare with Bouncy Castle, by name. Both providers are test
     * dependencies and their natives load on Linux x86_64 (the build platform): there both, or the
     * test fails; elsewhere (the ACCP jar is Linux x86_64 only) the ones that load.
     */
    public static List<String> providers() {
        String arch = System.getProperty("os.arch");
        if (System.getProperty("os.name").startsWith("Linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
            return List.of("accp", "conscrypt");
        }
        return java.util.stream.Stream.of(SignatureBackends.accp(), SignatureBackends.conscrypt())
                .flatMap(java.util.Optional::stream)
                .map(SignatureBackend::name)
                .toList();
    }
}
