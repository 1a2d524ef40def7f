package io.github.sectrust4j.cert;

import java.security.Provider;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which {@link SignatureBackend} verifies signatures in this process. {@code auto} (the default) uses a
 * native provider when its jar is on the class path and its native library loads — BoringSSL through
 * Conscrypt first (as fast as ACCP in the benchmarks, and one jar for Linux, macOS and Windows), then
 * AWS-LC through ACCP — else Bouncy Castle; the jar on the class path is the opt-in.
 * {@code bc} forces Bouncy Castle, {@code native} requires a native provider, {@code accp} and
 * {@code conscrypt} name one. Set by the system property {@value #PROPERTY} (read at the first
 * verification) or {@link #use(String)} (the CLI's {@code --verifier}).
 *
 * <p>Detection is lazy and cheap: nothing happens before the first verification, and a provider whose
 * jar is absent costs one class-path resource lookup — its classes are never loaded. Verdicts are the
 * same whichever backend verifies, so switching never changes a result; the verdict caches still start
 * afresh ({@link #epoch()}) so that each backend's verdicts are its own.
 */
public final class SignatureBackends {
    /** The system property naming the backend: {@code auto}, {@code bc}, {@code native}, {@code accp} or {@code conscrypt}. */
    public static final String PROPERTY = "sectrust4j.verifier";
    /** The names {@link #use(String)} and {@value #PROPERTY} accept. */
    public static final List<String> CHOICES = List.of("auto", "bc", "native", "accp", "conscrypt");

    private static final String ACCP_CLASS = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    private static final String CONSCRYPT_CLASS = "org.conscrypt.Conscrypt";

    private static volatile SignatureBackend current;
    private static volatile Object epoch = new Object();

    /** Dispatches each verification to the backend selected at that moment. */
    private static final SignatureBackend SELECTED = new SignatureBackend() {
        @Override
        public String name() {
            return current().name();
        }

        @Override
        public boolean verifies(SignatureAlgorithm algorithm, PublicKeyInfo key, byte[] signed, byte[] signature) {
            return current().verifies(algorithm, key, signed, signature);
        }
    };

    private SignatureBackends() {}

    /**
     * The process's backend, whichever is selected when a verification runs (what evaluations use). The
     * one backend that may throw: while {@value #PROPERTY} names an unknown or unavailable backend (and
     * {@link #use(String)} chose none), its methods throw {@link #current()}'s exception, a misconfiguration
     * and never a signature that does not verify. Entry points (an evaluation, {@code CtEvaluator},
     * {@code OcspResponseValidator}) call {@link #current()} first, before any code that reads a failure as
     * "does not verify".
     */
    public static SignatureBackend selected() {
        return SELECTED;
    }

    /**
     * The backend selected now: the one {@link #use(String)} chose, else the one {@value #PROPERTY} names
     * (default {@code auto}).
     *
     * @throws IllegalStateException if {@value #PROPERTY} names an unknown or unavailable backend: the message
     *                               names the property, its value, why, and the values it takes
     */
    public static SignatureBackend current() {
        SignatureBackend b = current;
        if (b == null) {
            synchronized (SignatureBackends.class) {
                b = current;
                if (b == null) {
                    String choice = System.getProperty(PROPERTY, "auto");
                    try {
                        b = resolve(choice);
                    } catch (IllegalArgumentException e) {
                        String why = e.getMessage().contains(String.join(", ", CHOICES))
                                ? e.getMessage()
                                : e.getMessage() + " (" + PROPERTY + " takes one of " + String.join(", ", CHOICES)
                                        + "; auto and bc need no native provider)";
                        throw new IllegalStateException("system property " + PROPERTY + "=" + choice + ": " + why, e);
                    }
                    current = b;
                }
            }
        }
        return b;
    }

    /**
     * Selects the backend for this process from now on and returns it; verdict caches start afresh.
     *
     * @throws IllegalArgumentException if {@code choice} is not one of {@link #CHOICES}, or names a native
     *                                  provider that is absent or whose native library does not load (the message says why)
     */
    public static synchronized SignatureBackend use(String choice) {
        SignatureBackend b = resolve(choice);
        current = b;
        epoch = new Object();
        return b;
    }

    /**
     * Forgets the selection, so that the next verification reads {@value #PROPERTY} again (tests of a
     * misconfigured property); verdict caches start afresh.
     */
    static synchronized void forgetSelection() {
        current = null;
        epoch = new Object();
    }

    /** Changes (to a new object) whenever {@link #use(String)} selects a backend: verdict caches key on it. */
    static Object epoch() {
        return epoch;
    }

    /** The native backend {@code auto} would choose, if one is present and loads. */
    public static Optional<SignatureBackend> nativeBackend() {
        return Conscrypt.LOADED.backend().or(() -> Accp.LOADED.backend());
    }

    /** ACCP's backend, if its jar is present and its native library loads. */
    static Optional<SignatureBackend> accp() {
        return Accp.LOADED.backend();
    }

    /** Conscrypt's backend, if its jar is present and its native library loads. */
    static Optional<SignatureBackend> conscrypt() {
        return Conscrypt.LOADED.backend();
    }

    private static SignatureBackend resolve(String choice) {
        String c = choice == null ? "" : choice.trim().toLowerCase(Locale.ROOT);
        return switch (c) {
            case "auto" -> nativeBackend().orElse(SignatureBackend.bouncyCastle());
            case "bc" -> SignatureBackend.bouncyCastle();
            case "native" ->
                nativeBackend()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "no native signature provider: " + Conscrypt.LOADED.why() + "; " + Accp.LOADED.why()));
            case "accp" -> Accp.LOADED.require();
            case "conscrypt" -> Conscrypt.LOADED.require();
            default ->
                throw new IllegalArgumentException("unknown signature verifier '" + choice + "' (expected one of "
                        + String.join(", ", CHOICES) + ")");
        };
    }

    /** A native provider's backend, or why there is none. */
    private record Loaded(Optional<SignatureBackend> backend, String why) {
        SignatureBackend require() {
            return backend.orElseThrow(() -> new IllegalArgumentException(why));
        }

        static Loaded of(String name, String className, ProviderLoader loader) {
            String resource = className.replace('.', '/') + ".class";
            ClassLoader cl = SignatureBackends.class.getClassLoader();
            if (cl == null || cl.getResource(resource) == null) {
                return new Loaded(Optional.empty(), name + ": " + className + " is not on the class path");
            }
            try {
                return new Loaded(
                        Optional.of(new NativeSignatureBackend(name, loader.load(Class.forName(className, true, cl)))),
                        "");
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                Throwable cause = e instanceof java.lang.reflect.InvocationTargetException i && i.getCause() != null
                        ? i.getCause()
                        : e;
                return new Loaded(Optional.empty(), name + ": its native library does not load (" + cause + ")");
            }
        }
    }

    @FunctionalInterface
    private interface ProviderLoader {
        Provider load(Class<?> entry) throws ReflectiveOperationException;
    }

    /** Amazon Corretto Crypto Provider (AWS-LC), loaded on first use only. */
    private static final class Accp {
        static final Loaded LOADED = Loaded.of("accp", ACCP_CLASS, c -> {
            Provider p = (Provider) c.getField("INSTANCE").get(null);
            c.getMethod("assertHealthy").invoke(p); // throws if the native library did not load
            return p;
        });
    }

    /** Conscrypt (BoringSSL), loaded on first use only. */
    private static final class Conscrypt {
        static final Loaded LOADED = Loaded.of("conscrypt", CONSCRYPT_CLASS, c -> {
            c.getMethod("checkAvailability").invoke(null); // throws if the native library did not load
            return (Provider) c.getMethod("newProvider").invoke(null);
        });
    }
}
