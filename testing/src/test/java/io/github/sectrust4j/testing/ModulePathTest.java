package io.github.sectrust4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.fixtures.TestChain;
import io.github.sectrust4j.fixtures.TestPki;
import io.github.sectrust4j.truststores.AppleTrustStore;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sectrust4j as a module, the way a modular application uses it: a consumer module {@code requires
 * io.github.sectrust4j}, is compiled with javac on the module path (core, trust-stores and the libraries core
 * requires, nothing else) and run in a module layer of its own, where it evaluates a chain through the API. A
 * consumer that imports an implementation package does not compile. (The other tests run on the class path.)
 */
class ModulePathTest {
    /** The libraries core's module descriptor requires (not the optional picocli and sqlite-jdbc), by a class of each. */
    static final List<String> LIBRARIES = List.of(
            "org.bouncycastle.jce.provider.BouncyCastleProvider", // bcprov
            "org.bouncycastle.asn1.cms.ContentInfo", // bcutil
            "org.bouncycastle.cert.X509CertificateHolder", // bcpkix
            "org.bouncycastle.tls.TlsClientProtocol", // bctls
            "com.google.common.collect.ImmutableList", // guava
            "com.google.common.util.concurrent.internal.InternalFutureFailureAccess",
            "com.fasterxml.jackson.databind.ObjectMapper",
            "com.fasterxml.jackson.core.JsonFactory",
            "com.fasterxml.jackson.annotation.JsonProperty",
            "com.dd.plist.NSDictionary");

    static final String CONSUMER = """
            package consumer;

            import io.github.sectrust4j.FullTrust;
            import io.github.sectrust4j.SecTrust;
            import io.github.sectrust4j.TrustReport;
            import java.time.Instant;

            public final class Main {
                public static String evaluate(String chainPem, String rootPem, String host, String at) {
                    SecTrust iphone = SecTrust.ios("17.4").forServer(host).at(Instant.parse(at));
                    TrustReport mdm = iphone.withMdmRoot(rootPem).evaluate(chainPem);
                    TrustReport profile = iphone.withProfileRoot(rootPem, FullTrust.OFF).evaluate(chainPem);
                    return SecTrust.class.getModule().getName() + " " + SecTrust.class.getModule().getDescriptor().isAutomatic()
                            + " " + mdm.trusted() + " " + profile.trusted() + " " + profile.findings().stream()
                            .map(f -> f.code().code()).filter("AnchorTrusted"::equals).findFirst().orElse("none");
                }
            }
            """;

    @Test
    void aConsumerModule_evaluatesThroughTheApi_onTheModulePath(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        String diagnostics = compile(dir, "consumer", CONSUMER, out);
        assertThat(diagnostics).as("javac of the consumer module").isEqualTo("OK");

        List<Path> path = new ArrayList<>(modulePath());
        path.add(0, out);
        ModuleLayer boot = ModuleLayer.boot();
        Configuration cf = boot.configuration()
                .resolve(ModuleFinder.of(path.toArray(Path[]::new)), ModuleFinder.of(), Set.of("consumer"));
        ModuleLayer layer = boot.defineModulesWithOneLoader(cf, ClassLoader.getPlatformClassLoader());
        Method evaluate = layer.findLoader("consumer")
                .loadClass("consumer.Main")
                .getMethod("evaluate", String.class, String.class, String.class, String.class);
        TestPki pki = TestPki.seeded(13);
        TestChain chain = pki.chain("sip.contoso.com");

        String answer = (String) evaluate.invoke(
                null,
                chain.pem(),
                chain.root().pem(),
                "sip.contoso.com",
                pki.now().toString());

        // the named module io.github.sectrust4j (not automatic), an MDM root anchors, a profile root without full
        // trust does not (AnchorTrusted: §7.1)
        assertThat(answer).isEqualTo("io.github.sectrust4j false true false AnchorTrusted");
        assertThat(cf.findModule("io.github.sectrust4j")).isPresent();
        assertThat(cf.findModule("info.picocli"))
                .as("optional: not resolved unless asked for")
                .isEmpty();
    }

    @Test
    void aConsumerModule_cannotCompileAgainstAnImplementationPackage(@TempDir Path dir) throws IOException {
        String internal = CONSUMER.replace(
                "import java.time.Instant;",
                "import java.time.Instant;\nimport io.github.sectrust4j.engine.Evaluator;");

        String diagnostics = compile(dir, "consumer", internal, dir.resolve("out"));

        assertThat(diagnostics)
                .contains("io.github.sectrust4j.engine")
                .containsAnyOf("is not visible", "does not export");
    }

    /** javac on the module path: "OK", or its diagnostics. */
    static String compile(Path dir, String module, String mainSource, Path out) throws IOException {
        Path src = dir.resolve("src");
        Files.createDirectories(src.resolve(module));
        Files.writeString(
                src.resolve("module-info.java"),
                "module " + module + " { requires io.github.sectrust4j; exports " + module + "; }\n");
        Files.writeString(src.resolve(module).resolve("Main.java"), mainSource);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter messages = new StringWriter();
        String modulePath =
                modulePath().stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        boolean ok = javac.getTask(
                        messages,
                        null,
                        null,
                        List.of(
                                "--release",
                                "17",
                                "--module-path",
                                modulePath,
                                "-d",
                                out.toString(),
                                "-Xlint:-requires-automatic"),
                        null,
                        javac.getStandardFileManager(null, null, null)
                                .getJavaFileObjects(
                                        src.resolve("module-info.java"),
                                        src.resolve(module).resolve("Main.java")))
                .call();
        return ok ? "OK" : messages.toString();
    }

    /** core and trust-stores as built (classes directory or jar) and the libraries core requires. */
    static List<Path> modulePath() {
        List<Path> path = new ArrayList<>(
                List.of(ExportedSurface.location(SecTrust.class), ExportedSurface.location(AppleTrustStore.class)));
        for (String name : LIBRARIES) {
            try {
                path.add(ExportedSurface.location(Class.forName(name)));
            } catch (ClassNotFoundException e) {
                throw new AssertionError("a library core requires is not on the test class path: " + name, e);
            }
        }
        return path;
    }
}
