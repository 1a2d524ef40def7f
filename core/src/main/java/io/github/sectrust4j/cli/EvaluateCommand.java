package io.github.sectrust4j.cli;

import io.github.sectrust4j.DuplicateUserRootException;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustExceptions;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.ServerChain;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code evaluate}: one chain, a readable verdict (or the JSON response object); exit 0 / 1 / 2. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Would an iPhone trust this server chain? Prints the verdict, the path iOS chose and every "
                + "finding with its remedy (--json: the BATCH-CONTRACT response object).",
        footer = {"", "Exit status: 0 trusted, 1 not trusted, 2 bad input or usage (message on stderr),",
                "3 internal error.",
                "Example: sectrust4j evaluate chain.pem --host sip.contoso.com --ios 17.4 \\",
                "           --at 2024-05-01T00:00:00Z --profile-root contoso-root.pem:full-trust"})
final class EvaluateCommand implements Callable<Integer> {
    /** Bigger files are refused before reading (CertificateInput's own limit is 64 MiB). */
    private static final int MAX_FILE = 64 * 1024 * 1024;
    private static final String FULL_TRUST_SUFFIX = ":full-trust";

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Parameters(index = "0", paramLabel = "CHAIN.pem",
            description = "The certificates the server sent, leaf first (PEM, or one DER certificate); "
                    + "'-' reads stdin, e.g. the output of openssl s_client -showcerts.")
    private String chainFile;

    @Option(names = "--host", paramLabel = "HOST",
            description = "DNS name or IP literal to match (SSL policy); omit for no host-name check.")
    private String host;

    @Option(names = "--ios", paramLabel = "RELEASE",
            description = "iOS release whose rules apply, e.g. 17.4 (default: the newest modelled release, 26.0); later "
                    + "releases use the newest rules and store, 8.0-8.2 the oldest store (an IosRelease finding says so).")
    private String ios;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "Evaluation time, ISO-8601 (e.g. 2024-05-01T00:00:00Z); default now. "
                    + "Pass it for reproducible results.")
    private String at;

    @Option(names = "--device-clock", paramLabel = "INSTANT",
            description = "The device's real clock for OCSP freshness (default: the evaluation time).")
    private String deviceClock;

    @Option(names = "--policy", paramLabel = "POLICY", defaultValue = "ssl-server",
            description = "ssl-server (default) or basic.")
    private String policy;

    @Option(names = "--anchor", paramLabel = "ROOT.pem",
            description = "App anchor (SecTrustSetAnchorCertificates); repeatable. Turns anchors-only on.")
    private List<Path> anchors = new ArrayList<>();

    @Option(names = "--anchors-only", negatable = true,
            description = "Trust only the --anchor roots (default: on when --anchor is given); without --anchor nothing is trusted.")
    private Boolean anchorsOnly;

    @Option(names = "--profile-root", paramLabel = "ROOT.pem[:full-trust]",
            description = "Root installed by a configuration profile; append :full-trust if the switch in "
                    + "Certificate Trust Settings is on. Repeatable.")
    private List<String> profileRoots = new ArrayList<>();

    @Option(names = "--mdm-root", paramLabel = "ROOT.pem", description = "Root installed by MDM; repeatable.")
    private List<Path> mdmRoots = new ArrayList<>();

    @Option(names = "--intermediate", paramLabel = "CA.pem",
            description = "Intermediate the device already has (not sent by the server); repeatable.")
    private List<Path> intermediates = new ArrayList<>();

    @Option(names = "--extra-system-root", paramLabel = "ROOT.pem",
            description = "Root to treat as a member of Apple's store (a public CA's new root); repeatable.")
    private List<Path> extraSystemRoots = new ArrayList<>();

    @Option(names = "--trust-store-version", paramLabel = "N",
            description = "Use Apple trust store N (e.g. 2023071300) instead of the release's own.")
    private Integer trustStoreVersion;

    @Option(names = "--no-system-roots", description = "Use no Apple system roots at all.")
    private boolean noSystemRoots;

    @Option(names = "--ocsp", paramLabel = "RESP.der", description = "Stapled OCSP response (DER); repeatable.")
    private List<Path> ocspResponses = new ArrayList<>();

    @Option(names = "--sct", paramLabel = "SCT.bin",
            description = "SCT from the TLS extension (one serialized SCT); repeatable.")
    private List<Path> scts = new ArrayList<>();

    @Option(names = "--ct-logs", paramLabel = "LOGS.json",
            description = "Replace the release's CT log list with this JSON array (the batch field ctLogs).")
    private Path ctLogs;

    @Option(names = "--revocation-database", paramLabel = "VALID.sqlite3",
            description = "Apple Valid revocation database (SQLite) to consult.")
    private Path revocationDatabase;

    @Option(names = "--network", description = "Allow AIA/OCSP fetching through configured fetchers; the "
            + "command line has none, so this changes nothing (accepted for symmetry with the batch field).")
    private boolean network;

    @Option(names = "--exceptions", paramLabel = "EXCEPTIONS.plist",
            description = "The user's exceptions (SecTrustSetExceptions, as --copy-exceptions writes them or "
                    + "Apple's property list): Recoverable failures they name are not counted.")
    private Path exceptions;

    @Option(names = "--exception-epoch", paramLabel = "N",
            description = "The device's exception epoch (default 0; raised when the user resets exceptions).")
    private Long exceptionEpoch;

    @Option(names = "--copy-exceptions", paramLabel = "OUT.plist",
            description = "Also write the exceptions a device stores when the user accepts this chain "
                    + "(SecTrustCopyExceptions, binary property list).")
    private Path copyExceptions;

    @Option(names = "--json", description = "Print the JSON response object instead of text.")
    private boolean json;

    @Override
    public Integer call() {
        ServerChain sent = serverChain();
        List<Certificate> chain = sent.certificates();
        SecTrust trust = configure();
        TrustReport report = trust.evaluate(sent);
        if (copyExceptions != null) {
            write(copyExceptions, trust.copyExceptions(chain).toPlist());
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? report.toJson() + "\n" : report.explain());
        out.flush();
        return report.trusted() ? 0 : 1;
    }

    /** The chain as given (leaf first), parsed certificates only. */
    List<Certificate> chain() {
        return serverChain().certificates();
    }

    /** The chain as given: parsed certificates and the entries iOS cannot parse (§14.2 step 1). */
    ServerChain serverChain() {
        if (chainFile.equals("-")) {
            try {
                byte[] bytes = main.stdin().readNBytes(MAX_FILE + 1);
                if (bytes.length > MAX_FILE) {
                    throw new InputError("stdin: larger than " + MAX_FILE + " bytes");
                }
                return Inputs.serverChain("stdin", bytes);
            } catch (IOException e) {
                throw new InputError("cannot read stdin: " + e.getMessage());
            }
        }
        return Inputs.serverChain(chainFile, read(Path.of(chainFile)));
    }

    /** The evaluation every option describes (package-private: tests check the mapping). */
    SecTrust configure() {
        SecTrust trust = SecTrust.ios(ios == null ? IosRelease.NEWEST : Inputs.ios("--ios", ios));
        Policy p = Inputs.policy("--policy", policy);
        if (p == Policy.BASIC) {
            if (host != null) {
                throw new InputError("--host: the basic policy has no host-name check; "
                        + "drop --host or use --policy ssl-server");
            }
            trust = trust.basicPolicy();
        } else if (host != null) {
            if (host.isBlank()) {
                throw new InputError("--host: empty");
            }
            trust = trust.forServer(host);
        }
        if (at != null) {
            trust = trust.at(Inputs.instant("--at", at));
        }
        if (deviceClock != null) {
            trust = trust.deviceClock(Inputs.instant("--device-clock", deviceClock));
        }
        if (noSystemRoots && trustStoreVersion != null) {
            throw new InputError("--no-system-roots and --trust-store-version exclude each other");
        }
        if (noSystemRoots) {
            trust = trust.withoutSystemRoots();
        } else if (trustStoreVersion != null) {
            try {
                trust = trust.withSystemStore(AppleTrustStores.version(trustStoreVersion));
            } catch (IllegalArgumentException e) {
                throw new InputError("--trust-store-version: " + e.getMessage());
            }
        }
        for (Path f : extraSystemRoots) {
            trust = trust.withExtraSystemRoots(certificates(f));
        }
        for (Path f : anchors) {
            trust = trust.withAnchors(certificates(f));
        }
        if (anchorsOnly != null) {
            trust = trust.anchorsOnly(anchorsOnly);
        }
        List<String> userStoreOptions = new ArrayList<>(); // names the entries of a duplicate (§7.2)
        try {
            for (String spec : profileRoots) {
                boolean full = spec.endsWith(FULL_TRUST_SUFFIX);
                Path f = Path.of(full ? spec.substring(0, spec.length() - FULL_TRUST_SUFFIX.length()) : spec);
                for (Certificate c : certificates(f)) {
                    userStoreOptions.add("--profile-root " + spec);
                    trust = trust.withProfileRoot(c, full ? FullTrust.ON : FullTrust.OFF);
                }
            }
            for (Path f : mdmRoots) {
                for (Certificate c : certificates(f)) {
                    userStoreOptions.add("--mdm-root " + f);
                    trust = trust.withMdmRoot(c);
                }
            }
        } catch (DuplicateUserRootException e) {
            throw new InputError(e.messageNaming(userStoreOptions.get(e.firstIndex()),
                    userStoreOptions.get(e.secondIndex())));
        }
        for (Path f : intermediates) {
            trust = trust.withIntermediates(certificates(f));
        }
        if (ocspResponses.size() > SecTrust.MAX_STAPLED_OCSP_RESPONSES) {
            throw new InputError("--ocsp: at most " + SecTrust.MAX_STAPLED_OCSP_RESPONSES + " responses, got "
                    + ocspResponses.size());
        }
        for (Path f : ocspResponses) {
            trust = trust.withStapledOcsp(read(f));
        }
        for (Path f : scts) {
            trust = trust.withSct(read(f));
        }
        if (ctLogs != null) {
            try {
                trust = trust.withCtLogs(new String(read(ctLogs), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new InputError("--ct-logs: " + e.getMessage());
            }
        }
        if (revocationDatabase != null) {
            if (!Files.isRegularFile(revocationDatabase) || !Files.isReadable(revocationDatabase)) {
                throw new InputError("--revocation-database: no readable file at '" + revocationDatabase + "'");
            }
            try {
                trust = trust.withRevocationDatabase(revocationDatabase);
            } catch (RuntimeException e) {
                throw new InputError("--revocation-database: " + e.getMessage());
            }
        }
        if (exceptionEpoch != null) {
            if (exceptionEpoch < 0) {
                throw new InputError("--exception-epoch: expected a non-negative integer, got " + exceptionEpoch);
            }
            trust = trust.withExceptionEpoch(exceptionEpoch);
        }
        if (exceptions != null) {
            try {
                trust = trust.withExceptions(TrustExceptions.fromPlist(read(exceptions)));
            } catch (IllegalArgumentException e) {
                throw new InputError("--exceptions " + exceptions + ": " + e.getMessage().replaceFirst("^exceptions: ", ""));
            }
        }
        return trust;
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException | RuntimeException e) {
            throw new InputError("cannot write " + file + ": " + e.getMessage());
        }
    }

    private static List<Certificate> certificates(Path file) {
        return Inputs.pemOrDer(file.toString(), read(file));
    }

    /** A file's bytes, with precise messages and without reading absurd inputs (/dev/zero) whole. */
    static byte[] read(Path file) {
        if (Files.isDirectory(file)) {
            throw new InputError("cannot read " + file + ": is a directory");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_FILE + 1);
            if (bytes.length > MAX_FILE) {
                throw new InputError("cannot read " + file + ": larger than " + MAX_FILE + " bytes");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new InputError("cannot read " + file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new InputError("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw new InputError("cannot read " + file + ": " + e.getMessage());
        }
    }
}
