package io.github.sectrust4j.cli;

import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.profile.ConfigurationProfile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code profile}: writes a .mobileconfig that installs roots (ConfigurationProfile); exit 0 or 2. */
@Command(
        name = "profile",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description =
                "Writes a configuration profile (.mobileconfig) that installs root certificates on iPhones and "
                        + "iPads (com.apple.security.root payloads, Apple's XML format), optionally CMS-signed. Installed by "
                        + "hand, a root needs full trust turned on for TLS (Settings > General > About > Certificate Trust "
                        + "Settings); pushed by MDM it is trusted at once. Check it with evaluate --profile-root OUT.mobileconfig.",
        footer = {
            "",
            "Exit status: 0 written, 2 bad input or usage (message on stderr), 3 internal error.",
            "Example: sectrust4j profile --root root.pem -o root.mobileconfig \\",
            "           --name \"Contoso Root CA\" --identifier com.contoso.roots"
        })
final class ProfileCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(
            names = "--root",
            required = true,
            paramLabel = "ROOT.pem",
            description = "Root certificate to install (PEM, one or many blocks, or DER); repeatable.")
    private List<Path> roots = new ArrayList<>();

    @Option(
            names = {"-o", "--output"},
            required = true,
            paramLabel = "OUT.mobileconfig",
            description = "The profile to write (replaced if it exists).")
    private Path output;

    @Option(
            names = "--name",
            paramLabel = "NAME",
            description = "PayloadDisplayName shown on the device (default: the root's name).")
    private String name;

    @Option(
            names = "--identifier",
            paramLabel = "ID",
            description =
                    "PayloadIdentifier, reverse-DNS such as com.contoso.roots; a profile with the same identifier "
                            + "replaces this one (default: derived from the first root).")
    private String identifier;

    @Option(names = "--organization", paramLabel = "ORG", description = "PayloadOrganization (default: none).")
    private String organization;

    @Option(
            names = "--description",
            paramLabel = "TEXT",
            description = "PayloadDescription (default: what the profile installs and how to turn on full trust).")
    private String description;

    @Option(
            names = "--sign-cert",
            paramLabel = "SIGNER.pem",
            description = "Sign with this certificate (PEM: the signer first, then its chain, which is included).")
    private Path signCert;

    @Option(
            names = "--sign-key",
            paramLabel = "KEY.pem",
            description = "The signer's private key (unencrypted PEM: PRIVATE KEY, RSA or EC PRIVATE KEY).")
    private Path signKey;

    @Option(
            names = "--signing-time",
            paramLabel = "INSTANT",
            description = "The CMS signing time, ISO-8601 (default: now); with --uuid-seed the file is reproducible.")
    private String signingTime;

    @Option(
            names = "--uuid-seed",
            paramLabel = "SEED",
            description = "Derive the UUIDs from SEED instead of fresh random ones (reproducible output, for tests).")
    private String uuidSeed;

    @Override
    public Integer call() {
        ConfigurationProfile.Builder builder = ConfigurationProfile.builder();
        for (Path f : roots) {
            for (Certificate c : Inputs.pemOrDer(f.toString(), InputFiles.read(f, "--root"))) {
                apply("--root " + f, () -> builder.root(c));
            }
        }
        if (name != null) {
            apply("--name", () -> builder.displayName(name));
        }
        if (identifier != null) {
            apply("--identifier", () -> builder.identifier(identifier));
        }
        if (organization != null) {
            apply("--organization", () -> builder.organization(organization));
        }
        if (description != null) {
            apply("--description", () -> builder.description(description));
        }
        if (uuidSeed != null) {
            builder.uuidSeed(uuidSeed);
        }
        ConfigurationProfile profile = builder.build();
        byte[] bytes = signCert == null && signKey == null ? profile.toXml() : signed(profile);
        InputFiles.write(output, "-o", bytes);
        PrintWriter out = spec.commandLine().getOut();
        out.print("Wrote " + output + " (" + bytes.length + " bytes"
                + (signCert == null
                        ? ", unsigned"
                        : ", signed by " + signer().get(0).subject()) + ")\n"
                + profile.summary()
                + "Install by hand: open it on the device (Mail, Safari, Files), install it in Settings > General > "
                + "VPN & Device Management, then turn on full trust in Settings > General > About > Certificate Trust "
                + "Settings. Or push it by MDM.\n");
        out.flush();
        return 0;
    }

    private byte[] signed(ConfigurationProfile profile) {
        if (signCert == null || signKey == null) {
            throw new InputError("--sign-cert and --sign-key go together");
        }
        List<Certificate> chain = signer();
        Instant at = signingTime == null ? Instant.now() : Inputs.instant("--signing-time", signingTime);
        try {
            return profile.sign(privateKey(signKey), chain.get(0), chain.subList(1, chain.size()), at);
        } catch (IllegalArgumentException e) {
            throw new InputError("--sign-key " + signKey + ": " + e.getMessage());
        }
    }

    private List<Certificate> signer() {
        return Inputs.pemOrDer("--sign-cert " + signCert, InputFiles.read(signCert, "--sign-cert"));
    }

    /** The first private key in a PEM file (an EC PARAMETERS block before it is skipped). */
    static PrivateKey privateKey(Path file) {
        String field = "--sign-key " + file;
        try (PEMParser parser = new PEMParser(
                new StringReader(new String(InputFiles.read(file, "--sign-key"), StandardCharsets.US_ASCII)))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (int i = 0; i < 16; i++) { // a key file holds a handful of blocks at most
                Object o = parser.readObject();
                if (o == null) {
                    break;
                }
                if (o instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (o instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new InputError(field + ": the key is encrypted; decrypt it first "
                            + "(openssl pkey -in KEY.pem -out plain-key.pem)");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputError error) {
                throw error;
            }
            throw new InputError(field + ": not a PEM private key (" + e.getMessage() + ")");
        }
        throw new InputError(field + ": no private key found (expected a PEM block PRIVATE KEY, RSA PRIVATE KEY "
                + "or EC PRIVATE KEY)");
    }

    private static void apply(String field, Runnable step) {
        try {
            step.run();
        } catch (IllegalArgumentException e) {
            // the builder names its own field ("identifier: ..."): say it once, as the option
            String m = String.valueOf(e.getMessage()).replaceFirst("^[a-zA-Z]+: ", "");
            throw new InputError(field + ": " + m);
        }
    }
}
