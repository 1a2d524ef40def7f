package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sectrust4j.DuplicateUserRootException;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.HostName;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustExceptions;
import io.github.sectrust4j.TrustMatrix;
import io.github.sectrust4j.TrustReport;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.ServerChain;
import io.github.sectrust4j.engine.SecTrustAccess;
import io.github.sectrust4j.text.Excerpt;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code evaluate}: one chain, a readable verdict (or the JSON response object); exit 0 / 1 / 2. */
@Command(
        name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Would an iPhone trust this server chain? Prints the verdict, the path iOS chose and every "
                + "finding with its remedy (--json: the BATCH-CONTRACT response object).",
        footer = {
            "",
            "Exit status: 0 trusted, 1 not trusted, 2 bad input or usage (message on stderr),",
            "3 internal error. With several names or releases: 0 only when every one is trusted.",
            "Files: regular files only (no FIFO or device), at most 4 MiB each (the Valid database: any size).",
            "Example: sectrust4j evaluate chain.pem --host sip.contoso.com --ios 17.4 \\",
            "           --at 2024-05-01T00:00:00Z --profile-root contoso-root.pem:full-trust",
            "Every name of a Lync edge on old and new iPhones:",
            "  sectrust4j evaluate edge.pem --lync contoso.com --ios 10.2,10.3,17.4 \\",
            "           --profile-root root.pem",
            "Live server: sectrust4j evaluate --connect sip.contoso.com:443 --ios 17.4",
            "  (mail: sectrust4j evaluate --connect mail.contoso.com --starttls smtp)"
        })
final class EvaluateCommand implements Callable<Integer> {
    private static final String FULL_TRUST_SUFFIX = ":full-trust";

    @Spec
    private CommandSpec spec;

    @ParentCommand
    private Main main;

    @Parameters(
            index = "0",
            paramLabel = "CHAIN.pem",
            arity = "0..1",
            description = "The certificates the server sent, leaf first (PEM, or one DER certificate); "
                    + "'-' reads stdin, e.g. the output of openssl s_client -showcerts. Also PKCS#7 (.p7b), "
                    + "PKCS#12 (.pfx/.p12: the key entry's chain) or JKS, recognised by content. Or use --connect.")
    private String chainFile;

    @Mixin
    private LiveServerOptions live = new LiveServerOptions();

    @Mixin
    private KeystorePasswordOptions keystore = new KeystorePasswordOptions();

    @Mixin
    private VerifierOption verifier = new VerifierOption();

    @Option(
            names = "--host",
            paramLabel = "HOST",
            description =
                    "DNS name or IP literal to match (SSL policy); omit for no host-name check (with --connect: default "
                            + "the host connected to). Repeatable: "
                            + "several names give a table and exit 0 only when all are trusted. A URL is reduced to its host "
                            + "with a note, an IDN becomes its A-label with a note; host:port, lists and spaces are refused.")
    private List<String> hosts = new ArrayList<>();

    @Option(
            names = "--lync",
            paramLabel = "DOMAIN",
            description = "Also check the Lync / Skype for Business external names of DOMAIN: sip., webconf., av., "
                    + "lyncweb. and lyncdiscover. Repeatable.")
    private List<String> lyncDomains = new ArrayList<>();

    @Option(
            names = "--names",
            paramLabel = "FILE",
            description = "Also check the host names in FILE, one per line ('#' starts a comment).")
    private Path namesFile;

    @Option(
            names = "--ios",
            paramLabel = "RELEASE[,RELEASE...]",
            description =
                    "iOS release(s) whose rules apply, e.g. 17.4, or 10.2,10.3,17.4 to see where the verdict "
                            + "changes and why, or all-major (the newest minor of each modelled major: 8.4, 9.3, 10.3, 11.4, "
                            + "12.4, 13.6, 14.7, 15.6, 16.6, 17.6, 18.6, 26.0). Default: the newest modelled release. Later "
                            + "releases use the newest rules and store, 8.0-8.2 the oldest store (an IosRelease finding says so).")
    private String ios;

    @Option(
            names = "--at",
            paramLabel = "INSTANT",
            description = "Evaluation time, ISO-8601 (e.g. 2024-05-01T00:00:00Z); default now. "
                    + "Pass it for reproducible results.")
    private String at;

    @Option(
            names = "--device-clock",
            paramLabel = "INSTANT",
            description = "The device's real clock for OCSP freshness (default: the evaluation time).")
    private String deviceClock;

    @Option(
            names = "--policy",
            paramLabel = "POLICY",
            defaultValue = "ssl-server",
            description = "ssl-server (default) or basic.")
    private String policy;

    @Option(
            names = "--required-key-usage",
            paramLabel = "USAGE[,USAGE...]",
            description = "SSL policy with required key usage (SecPolicyCreateSSLWithKeyUsage): the leaf must carry "
                    + "these usages (or no keyUsage extension), e.g. digitalSignature,keyEncipherment; names: "
                    + "digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment, keyAgreement, keyCertSign, "
                    + "cRLSign, encipherOnly, decipherOnly. Repeatable.")
    private List<String> requiredKeyUsage = new ArrayList<>();

    @Option(
            names = "--anchor",
            paramLabel = "ROOT.pem",
            description = "App anchor (SecTrustSetAnchorCertificates); repeatable. Turns anchors-only on.")
    private List<Path> anchors = new ArrayList<>();

    @Option(
            names = "--anchors-only",
            negatable = true,
            description =
                    "Trust only the --anchor roots (default: on when --anchor is given); without --anchor nothing is trusted.")
    private Boolean anchorsOnly;

    @Option(
            names = "--profile-root",
            paramLabel = "ROOT.pem|PROFILE.mobileconfig[:full-trust]",
            description = "Root installed by a configuration profile by hand, as a certificate file or the "
                    + ".mobileconfig itself (XML or binary, signed or not: its certificate payloads are installed, "
                    + "its signer reported); append :full-trust if the switch in Certificate Trust Settings is on. "
                    + "Repeatable. Any certificate may be given: the server's own or an issuing CA is then trusted "
                    + "directly (the path ends at it).")
    private List<String> profileRoots = new ArrayList<>();

    @Option(
            names = "--mdm-root",
            paramLabel = "ROOT.pem|PROFILE.mobileconfig",
            description = "Root installed by MDM, as a certificate file or the profile the MDM pushes; repeatable. "
                    + "Any certificate may be given: the server's own or an issuing CA is then trusted directly.")
    private List<Path> mdmRoots = new ArrayList<>();

    /** The summaries of the profiles read by --profile-root and --mdm-root, in order. */
    private final List<String> profileNotes = new ArrayList<>();

    @Option(
            names = "--trust-settings",
            paramLabel = "CERT.pem=RESULT[,policy=P][,host=H][,keyUsage=U+U][,allowedError=N][;...]",
            description = "A certificate in the user trust store with explicit Apple trust settings (the batch field "
                    + "userRoots[].trustSettings), installed as by a profile. RESULT: trustRoot, trustAsRoot, deny or "
                    + "unspecified; policy: ssl-server, basic or an OID; host: the policy string; keyUsage: signature, "
                    + "enDecryptData, enDecryptKey, signCert, signRevocation, keyExchange, any (joined with +) or Apple's "
                    + "number; constraints separated by ';' and matched in order; nothing after '=' is the empty array. "
                    + "Repeatable.")
    private List<String> trustSettings = new ArrayList<>();

    @Option(
            names = "--intermediate",
            paramLabel = "CA.pem",
            description = "Intermediate the device already has (not sent by the server); repeatable.")
    private List<Path> intermediates = new ArrayList<>();

    @Option(
            names = "--extra-system-root",
            paramLabel = "ROOT.pem",
            description = "Root to treat as a member of Apple's store (a public CA's new root); repeatable.")
    private List<Path> extraSystemRoots = new ArrayList<>();

    @Option(
            names = "--trust-store-version",
            paramLabel = "N",
            description = "Use Apple trust store N (e.g. 2023071300) instead of the release's own.")
    private Integer trustStoreVersion;

    @Option(names = "--no-system-roots", description = "Use no Apple system roots at all.")
    private boolean noSystemRoots;

    @Option(names = "--ocsp", paramLabel = "RESP.der", description = "Stapled OCSP response (DER); repeatable.")
    private List<Path> ocspResponses = new ArrayList<>();

    @Option(
            names = "--sct",
            paramLabel = "SCT.bin",
            description = "SCT from the TLS extension (one serialized SCT); repeatable.")
    private List<Path> scts = new ArrayList<>();

    @Option(
            names = "--ct-logs",
            paramLabel = "LOGS.json",
            description = "Replace the release's CT log list with this JSON (the batch field ctLogs): an array of "
                    + "logs, or Apple's published list (valid.apple.com/ct/log_list/current_log_list.json) as is.")
    private Path ctLogs;

    @Option(
            names = "--ct-log-list-fresh",
            negatable = true,
            defaultValue = "true",
            fallbackValue = "true",
            description = "Whether the device's CT log list is fresh (default). --no-ct-log-list-fresh: the device "
                    + "has not checked in with Apple for 60 days, so CT is not enforced (no effect with --ct-logs).")
    private boolean ctLogListFresh = true;

    @Option(
            names = "--ct-kill-switch",
            description =
                    "The CT kill switch of Apple's trust supplementals is on: CT is neither enforced nor needed for EV.")
    private boolean ctKillSwitch;

    @Option(
            names = "--revocation-database",
            paramLabel = "VALID.sqlite3",
            description = "Apple Valid revocation database (SQLite) to consult.")
    private Path revocationDatabase;

    @Option(
            names = "--network",
            description = "Allow AIA/OCSP fetching through configured fetchers; the "
                    + "command line has none, so this changes nothing (accepted for symmetry with the batch field).")
    private boolean network;

    @Option(
            names = "--exceptions",
            paramLabel = "EXCEPTIONS.plist",
            description = "The user's exceptions (SecTrustSetExceptions, as --copy-exceptions writes them or "
                    + "Apple's property list): Recoverable failures they name are not counted.")
    private Path exceptions;

    @Option(
            names = "--exception-epoch",
            paramLabel = "N",
            description = "The device's exception epoch (default 0; raised when the user resets exceptions).")
    private Long exceptionEpoch;

    @Option(
            names = "--copy-exceptions",
            paramLabel = "OUT.plist",
            description = "Also write the exceptions a device stores when the user accepts this chain "
                    + "(SecTrustCopyExceptions, binary property list).")
    private Path copyExceptions;

    @Option(names = "--json", description = "Print the JSON response object instead of text.")
    private boolean json;

    @Mixin
    private CtLogCacheOptions ctLogCache = new CtLogCacheOptions();

    /** --host, --lync and --names after checking; read once. */
    private List<HostName> hostNames;

    @Override
    public Integer call() {
        verifier.requireUsable();
        boolean namesGiven = !hosts.isEmpty() || !lyncDomains.isEmpty() || namesFile != null;
        // --connect: the only network use, and only when asked; SNI is the first name checked, as on a device
        live.capture(
                spec.commandLine(), chainFile, namesGiven ? hostNames().stream().findFirst() : Optional.empty());
        if (!namesGiven && Inputs.policy("--policy", policy) != Policy.BASIC) {
            live.host().ifPresent(hosts::add);
            hostNames = null; // read again with the connected name
        }
        ServerChain sent = serverChain();
        List<Certificate> chain = sent.certificates();
        SecTrust trust = configure();
        PrintWriter out = spec.commandLine().getOut();
        if (!profileNotes
                .isEmpty()) { // the profiles' signer and payloads: part of the text report, a notice with --json
            PrintWriter notes = json ? spec.commandLine().getErr() : out;
            notes.print(String.join("", profileNotes) + "\n");
            notes.flush();
        }
        if (hostNames().size() > 1 || releases().size() > 1) {
            if (copyExceptions != null) {
                throw new InputError("--copy-exceptions: needs a single host and iOS release");
            }
            if ((long) hostNames().size() * releases().size() > TrustMatrix.MAX_EVALUATIONS) {
                throw new InputError(
                        hostNames().size() + " names × " + releases().size() + " releases: more than "
                                + TrustMatrix.MAX_EVALUATIONS + " evaluations in one run");
            }
            if (!sent.unparseable().isEmpty()) {
                throw new InputError("the chain holds a certificate iOS cannot parse: evaluate one host and release "
                        + "at a time to see the verdict");
            }
            return MatrixOutput.print(out, trust.evaluateAll(hostNames(), releases(), chain), json, trust);
        }
        TrustReport report = SecTrustAccess.evaluate(trust, sent);
        if (copyExceptions != null) {
            InputFiles.write(
                    copyExceptions,
                    "--copy-exceptions",
                    trust.copyExceptions(chain).toPlist());
        }
        Optional<String> notice = hostNames().stream().findFirst().flatMap(HostName::notice);
        ObjectNode logList = CtLogCacheOptions.describe(trust, report);
        if (json) {
            out.print(MatrixOutput.json(report, notice, logList) + "\n");
        } else {
            out.print(MatrixOutput.text(report, notice));
            out.println();
            out.println(CtLogCacheOptions.line(logList));
        }
        out.flush();
        return report.trusted() ? 0 : 1;
    }

    /** The chain as given (leaf first), parsed certificates only. */
    List<Certificate> chain() {
        return serverChain().certificates();
    }

    /** The chain as given: parsed certificates and the entries iOS cannot parse (§14.2 step 1). */
    ServerChain serverChain() {
        Optional<ServerChain> captured = live.chain();
        if (captured.isPresent()) {
            return captured.get();
        }
        if (chainFile.equals("-")) {
            try {
                byte[] bytes = main.stdin().readNBytes((int) InputFiles.MAX_BYTES + 1);
                if (bytes.length > InputFiles.MAX_BYTES) {
                    throw new InputError(
                            "stdin: larger than " + InputFiles.MAX_BYTES + " bytes (the limit for this input)");
                }
                return Inputs.serverChain("stdin", bytes, keystore.password());
            } catch (IOException e) {
                throw new InputError("cannot read stdin: " + e.getMessage());
            }
        }
        Path file = InputFiles.path(chainFile, "CHAIN.pem");
        return Inputs.serverChain(chainFile, InputFiles.read(file, "CHAIN.pem"), keystore.password());
    }

    /** The evaluation every option describes (package-private: tests check the mapping). */
    SecTrust configure() {
        SecTrust trust = SecTrust.ios(releases().get(0));
        Policy p = Inputs.policy("--policy", policy);
        if (p == Policy.BASIC) {
            if (!hostNames().isEmpty()) {
                throw new InputError(
                        "--host: the basic policy has no host-name check; " + "drop --host or use --policy ssl-server");
            }
            trust = trust.basicPolicy();
        } else if (hostNames().size() == 1) {
            trust = trust.forServer(hostNames().get(0).value());
        }
        if (!requiredKeyUsage.isEmpty() && p == Policy.BASIC) {
            throw new InputError(
                    "--required-key-usage: only for the ssl-server policy (SecPolicyCreateSSLWithKeyUsage)");
        }
        for (String list : requiredKeyUsage) {
            trust = trust.requireKeyUsage(KeyUsageInputs.required("--required-key-usage", list));
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
            trust = trust.withExtraSystemRoots(certificates(f, "--extra-system-root"));
        }
        for (Path f : anchors) {
            trust = trust.withAnchors(certificates(f, "--anchor"));
        }
        if (anchorsOnly != null) {
            trust = trust.anchorsOnly(anchorsOnly);
        }
        List<String> userStoreOptions = new ArrayList<>(); // the option of each user-store entry, to name duplicates
        try { // the same certificate twice in the user store is contradictory (§7.2)
            for (String spec : profileRoots) {
                boolean full = spec.endsWith(FULL_TRUST_SUFFIX);
                if (!full && spec.matches("(?i).*:full[-_ ]?trust")) {
                    throw new InputError("--profile-root " + Excerpt.of(spec) + ": the switch is written ':full-trust' "
                            + "(lower case, with a hyphen)");
                }
                Path f = Path.of(full ? spec.substring(0, spec.length() - FULL_TRUST_SUFFIX.length()) : spec);
                trust = ProfileInputs.install(
                        trust,
                        f.toString(),
                        InputFiles.read(f, "--profile-root"),
                        InstallChannel.PROFILE,
                        full ? FullTrust.ON : FullTrust.OFF,
                        profileNotes,
                        "--profile-root " + spec,
                        userStoreOptions,
                        keystore.password());
            }
            for (Path f : mdmRoots) {
                trust = ProfileInputs.install(
                        trust,
                        f.toString(),
                        InputFiles.read(f, "--mdm-root"),
                        InstallChannel.MDM,
                        FullTrust.ON,
                        profileNotes,
                        "--mdm-root " + f,
                        userStoreOptions,
                        keystore.password());
            }
            for (String spec : trustSettings) {
                int eq = spec.indexOf('=');
                if (eq <= 0) {
                    throw new InputError("--trust-settings: expected CERT.pem=SETTINGS, got '" + spec + "'");
                }
                Optional<List<TrustSetting>> settings = Optional.of(TrustSettingInputs.constraints(
                        "--trust-settings " + spec.substring(0, eq), spec.substring(eq + 1)));
                for (Certificate c : certificates(Path.of(spec.substring(0, eq)), "--trust-settings")) {
                    userStoreOptions.add("--trust-settings " + spec.substring(0, eq));
                    trust = trust.withUserRoot(new UserRoot(c, InstallChannel.PROFILE, FullTrust.OFF, settings));
                }
            }
        } catch (DuplicateUserRootException e) {
            throw new InputError(
                    e.messageNaming(userStoreOptions.get(e.firstIndex()), userStoreOptions.get(e.secondIndex())));
        }
        for (Path f : intermediates) {
            trust = trust.withIntermediates(certificates(f, "--intermediate"));
        }
        if (ocspResponses.size() > SecTrust.MAX_STAPLED_OCSP_RESPONSES) {
            throw new InputError("--ocsp: at most " + SecTrust.MAX_STAPLED_OCSP_RESPONSES + " responses, got "
                    + ocspResponses.size());
        }
        for (Path f : ocspResponses) {
            trust = trust.withStapledOcsp(InputFiles.read(f, "--ocsp"));
        }
        if (scts.size() > SecTrust.MAX_TLS_SCTS) {
            throw new InputError("--sct: at most " + SecTrust.MAX_TLS_SCTS + " SCTs, got " + scts.size());
        }
        for (Path f : scts) {
            trust = trust.withSct(InputFiles.read(f, "--sct"));
        }
        if (ctLogs != null) {
            try {
                trust = trust.withCtLogs(new String(InputFiles.read(ctLogs, "--ct-logs"), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new InputError("--ct-logs: " + e.getMessage());
            }
        } else if (ctLogListFresh) { // a device whose list is stale has no current list to use
            trust = ctLogCache.apply(trust, at != null ? Inputs.instant("--at", at) : Instant.now(), releases());
        }
        if (!ctLogListFresh) {
            trust = trust.ctLogListFresh(false);
        }
        if (ctKillSwitch) {
            trust = trust.ctKillSwitch(true);
        }
        if (revocationDatabase != null) {
            InputFiles.regularFile(revocationDatabase, "--revocation-database", Long.MAX_VALUE);
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
                trust = trust.withExceptions(TrustExceptions.fromPlist(InputFiles.read(exceptions, "--exceptions")));
            } catch (IllegalArgumentException e) {
                throw new InputError(
                        "--exceptions " + exceptions + ": " + e.getMessage().replaceFirst("^exceptions: ", ""));
            }
        }
        return live.applyTo(trust);
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

    private List<Certificate> certificates(Path file, String option) {
        return Inputs.certificates(file.toString(), InputFiles.read(file, option), keystore.password());
    }
}
