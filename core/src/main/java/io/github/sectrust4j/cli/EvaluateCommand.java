package io.github.sectrust4j.cli;

import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.HostName;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustExceptions;
import io.github.sectrust4j.TrustMatrix;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.cert.Certificate;
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
import java.util.Optional;
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
                "3 internal error. With several names or releases: 0 only when every one is trusted.",
                "Example: sectrust4j evaluate chain.pem --host sip.contoso.com --ios 17.4 \\",
                "           --at 2024-05-01T00:00:00Z --profile-root contoso-root.pem:full-trust",
                "Every name of a Lync edge on old and new iPhones:",
                "  sectrust4j evaluate edge.pem --lync contoso.com --ios 10.2,10.3,17.4 --profile-root root.pem"})
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
            description = "DNS name or IP literal to match (SSL policy); omit for no host-name check. Repeatable: "
                    + "several names give a table and exit 0 only when all are trusted. A URL is reduced to its host "
                    + "with a note, an IDN becomes its A-label with a note; host:port, lists and spaces are refused.")
    private List<String> hosts = new ArrayList<>();

    @Option(names = "--lync", paramLabel = "DOMAIN",
            description = "Also check the Lync / Skype for Business external names of DOMAIN: sip., webconf., av., "
                    + "lyncweb. and lyncdiscover. Repeatable.")
    private List<String> lyncDomains = new ArrayList<>();

    @Option(names = "--names", paramLabel = "FILE",
            description = "Also check the host names in FILE, one per line ('#' starts a comment).")
    private Path namesFile;

    @Option(names = "--ios", paramLabel = "RELEASE[,RELEASE...]",
            description = "iOS release(s) whose rules apply, e.g. 17.4, or 10.2,10.3,17.4 to see where the verdict "
                    + "changes and why, or all-major (the newest minor of each modelled major: 8.4, 9.3, 10.3, 11.4, "
                    + "12.4, 13.6, 14.7, 15.6, 16.6, 17.6, 18.6, 26.0). Default: the newest modelled release.")
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
            description = "Trust only the --anchor roots (default: on when --anchor is given).")
    private Boolean anchorsOnly;

    @Option(names = "--profile-root", paramLabel = "ROOT.pem|PROFILE.mobileconfig[:full-trust]",
            description = "Root installed by a configuration profile by hand, as a certificate file or the "
                    + ".mobileconfig itself (XML or binary, signed or not: its certificate payloads are installed, "
                    + "its signer reported); append :full-trust if the switch in Certificate Trust Settings is on. "
                    + "Repeatable.")
    private List<String> profileRoots = new ArrayList<>();

    @Option(names = "--mdm-root", paramLabel = "ROOT.pem|PROFILE.mobileconfig",
            description = "Root installed by MDM, as a certificate file or the profile the MDM pushes; repeatable.")
    private List<Path> mdmRoots = new ArrayList<>();

    /** The summaries of the profiles read by --profile-root and --mdm-root, in order. */
    private final List<String> profileNotes = new ArrayList<>();

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

    /** --host, --lync and --names after checking; read once. */
    private List<HostName> hostNames;

    @Override
    public Integer call() {
        List<Certificate> chain = chain();
        SecTrust trust = configure();
        PrintWriter out = spec.commandLine().getOut();
        if (!profileNotes.isEmpty()) { // the profiles' signer and payloads: part of the text report, a notice with --json
            PrintWriter notes = json ? spec.commandLine().getErr() : out;
            notes.print(String.join("", profileNotes) + "\n");
            notes.flush();
        }
        if (hostNames().size() > 1 || releases().size() > 1) {
            if (copyExceptions != null) {
                throw new InputError("--copy-exceptions: needs a single host and iOS release");
            }
            if ((long) hostNames().size() * releases().size() > TrustMatrix.MAX_EVALUATIONS) {
                throw new InputError(hostNames().size() + " names × " + releases().size() + " releases: more than "
                        + TrustMatrix.MAX_EVALUATIONS + " evaluations in one run");
            }
            return MatrixOutput.print(out, trust.evaluateAll(hostNames(), releases(), chain), json);
        }
        TrustReport report = trust.evaluate(chain);
        if (copyExceptions != null) {
            write(copyExceptions, trust.copyExceptions(chain).toPlist());
        }
        Optional<String> notice = hostNames().stream().findFirst().flatMap(HostName::notice);
        out.print(json ? MatrixOutput.json(report, notice) + "\n" : MatrixOutput.text(report, notice));
        out.flush();
        return report.trusted() ? 0 : 1;
    }

    /** The chain as given (leaf first). */
    List<Certificate> chain() {
        if (chainFile.equals("-")) {
            try {
                byte[] bytes = main.stdin().readNBytes(MAX_FILE + 1);
                if (bytes.length > MAX_FILE) {
                    throw new InputError("stdin: larger than " + MAX_FILE + " bytes");
                }
                return Inputs.pemOrDer("stdin", bytes);
            } catch (IOException e) {
                throw new InputError("cannot read stdin: " + e.getMessage());
            }
        }
        return Inputs.pemOrDer(chainFile, read(Path.of(chainFile)));
    }

    /** The evaluation every option describes (package-private: tests check the mapping). */
    SecTrust configure() {
        SecTrust trust = SecTrust.ios(releases().get(0));
        Policy p = Inputs.policy("--policy", policy);
        if (p == Policy.BASIC) {
            if (!hostNames().isEmpty()) {
                throw new InputError("--host: the basic policy has no host-name check; "
                        + "drop --host or use --policy ssl-server");
            }
            trust = trust.basicPolicy();
        } else if (hostNames().size() == 1) {
            trust = trust.forServer(hostNames().get(0).value());
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
        for (String spec : profileRoots) {
            boolean full = spec.endsWith(FULL_TRUST_SUFFIX);
            Path f = Path.of(full ? spec.substring(0, spec.length() - FULL_TRUST_SUFFIX.length()) : spec);
            trust = ProfileInputs.install(trust, f.toString(), read(f), InstallChannel.PROFILE,
                    full ? FullTrust.ON : FullTrust.OFF, profileNotes);
        }
        for (Path f : mdmRoots) {
            trust = ProfileInputs.install(trust, f.toString(), read(f), InstallChannel.MDM, FullTrust.ON, profileNotes);
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

    /** --host, --lync and --names, checked once (HostOptions). */
    private List<HostName> hostNames() {
        if (hostNames == null) {
            hostNames = HostOptions.all(hosts, lyncDomains, namesFile);
        }
        return hostNames;
    }

    /** --ios: one release, a list, or all-major (ReleaseLists). */
    private List<IosRelease> releases() {
        return ios == null ? List.of(IosRelease.NEWEST) : ReleaseLists.option("--ios", ios);
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
