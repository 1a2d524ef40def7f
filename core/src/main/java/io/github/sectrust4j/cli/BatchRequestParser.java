package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.NullNode;
import io.github.sectrust4j.Cert;
import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.DuplicateUserRootException;
import io.github.sectrust4j.FullTrust;
import io.github.sectrust4j.HostName;
import io.github.sectrust4j.InstallChannel;
import io.github.sectrust4j.IosRelease;
import io.github.sectrust4j.Policy;
import io.github.sectrust4j.SecTrust;
import io.github.sectrust4j.TrustExceptions;
import io.github.sectrust4j.TrustSetting;
import io.github.sectrust4j.UserRoot;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.cert.ParsedCertificates;
import io.github.sectrust4j.cert.ServerChain;
import io.github.sectrust4j.ct.CtLogList;
import io.github.sectrust4j.profile.ConfigurationProfile;
import io.github.sectrust4j.revocation.ValidDatabase;
import io.github.sectrust4j.text.Excerpt;
import io.github.sectrust4j.truststores.AppleTrustStores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps one BATCH-CONTRACT request object onto {@link SecTrust}. Every field of the contract is
 * read and checked; the first problem becomes an {@link InputError} naming the field. A field the
 * contract does not declare ({@link RequestFields}) is an input error too; a field set to {@code null}
 * counts as absent.
 * Thread-safe; its only state is the caches of parsed certificates and of opened Valid databases
 * ({@code revocationDatabase}).
 */
final class BatchRequestParser {

    /** Certificates this parser has read, by PEM body (thread-safe; bounded by a share of the heap). */
    private final ParsedCertificates certificates = ParsedCertificates.shareOfHeap();

    /** The {@code at}, {@code host}, {@code ios} and {@code ctLogs} read lately: a run's lines share or cycle them. */
    private final RecentlyParsed<String, Instant> recentAt = new RecentlyParsed<>();

    private final RecentlyParsed<String, IosRelease> recentIos = new RecentlyParsed<>();

    private final RecentlyParsed<String, HostName> recentHosts = new RecentlyParsed<>();

    private final LastParsed<JsonNode, CtLogList> lastCtLogs = new LastParsed<>();

    /** Valid databases opened by this parser (thread-safe; bounded; read-only handles). */
    private final ValidDatabaseCache databases = new ValidDatabaseCache();

    /** The command line's CT log-list cache for requests without ctLogs; null = none (tests, embedders). */
    private volatile CtLogCacheOptions ctLogCache;

    BatchRequestParser() {}

    void useCtLogCache(CtLogCacheOptions options) {
        this.ctLogCache = options;
    }

    /** The request; close it after its evaluation (it may hold an open Valid database). */
    BatchRequest parse(JsonNode request) {
        List<ValidDatabaseCache.Lease> leases = new ArrayList<>(1);
        try {
            BatchRequest parsed = parse(request, leases);
            return leases.isEmpty() ? parsed : parsed.whenDone(() -> leases.forEach(ValidDatabaseCache.Lease::close));
        } catch (RuntimeException | Error e) {
            leases.forEach(ValidDatabaseCache.Lease::close);
            throw e;
        }
    }

    private BatchRequest parse(JsonNode request, List<ValidDatabaseCache.Lease> leases) {
        if (!request.isObject()) {
            throw new InputError("expected a JSON object per line, got " + describe(request));
        }
        JsonNode id = request.has("id") ? request.get("id") : NullNode.instance;
        RequestFields.checkKnown(request);
        List<ServerChain.Unparseable> unparseable = new ArrayList<>();
        List<Certificate> chain = chain(request, unparseable);

        // extension: an array answers with one line per release (ReleaseLists)
        List<IosRelease> releases =
                present(request, "ios") && request.get("ios").isArray()
                        ? ReleaseLists.json("ios", request.get("ios"))
                        : List.of();
        IosRelease release = !releases.isEmpty()
                ? releases.get(0)
                : present(request, "ios")
                        ? recentIos.get(text(request, "ios"), t -> Inputs.ios("ios", t))
                        : IosRelease.NEWEST;
        SecTrust trust = SecTrust.ios(release);

        Policy policy =
                present(request, "policy") ? Inputs.policy("policy", text(request, "policy")) : Policy.SSL_SERVER;
        Optional<String> host = present(request, "host") ? Optional.of(text(request, "host")) : Optional.empty();
        if (host.isPresent() && host.get().isBlank()) {
            throw new InputError("host: empty (omit the field for no host-name check)");
        }
        Optional<HostName> hostName = host.map(h -> recentHosts.get(h, t -> HostOptions.batch("host", t)));
        if (policy == Policy.BASIC) {
            if (host.isPresent()) {
                // never drop an input that would change the verdict: say so instead
                throw new InputError(
                        "host: the basic policy has no host-name check; " + "omit host or use policy \"ssl-server\"");
            }
            trust = trust.basicPolicy();
        } else {
            trust = hostName.isPresent() ? trust.forServer(hostName.get().value()) : trust.sslServer();
        }

        if (present(request, "requiredKeyUsage")) { // extension: SecPolicyCreateSSLWithKeyUsage (§2.2 KeyUsage)
            if (policy == Policy.BASIC) {
                throw new InputError(
                        "requiredKeyUsage: only for the ssl-server policy (SecPolicyCreateSSLWithKeyUsage)");
            }
            trust = trust.requireKeyUsage(KeyUsageInputs.required("requiredKeyUsage", request.get("requiredKeyUsage")));
        }
        Instant verifyTime = present(request, "at") ? at(text(request, "at")) : Instant.now();
        if (present(request, "at") || !releases.isEmpty()) {
            // an ios array is one question asked of several releases: all are evaluated at one instant
            trust = trust.at(verifyTime);
        }
        if (present(request, "deviceClock")) { // extension: SecTrust.deviceClock (§14.3)
            trust = trust.deviceClock(Inputs.instant("deviceClock", text(request, "deviceClock")));
        }
        trust = systemRoots(request, trust);
        if (present(request, "extraSystemRoots")) {
            trust = trust.withExtraSystemRoots(pemArray(request, "extraSystemRoots"));
        }
        if (present(request, "anchors")) {
            trust = trust.withAnchors(pemArray(request, "anchors"));
        }
        if (present(request, "anchorsOnly")) {
            trust = trust.anchorsOnly(bool(request, "anchorsOnly"));
        }
        if (present(request, "userRoots")) {
            JsonNode roots = array(request, "userRoots");
            List<String> entries = new ArrayList<>(); // the field of each user-store entry, to name duplicates
            for (int i = 0; i < roots.size(); i++) {
                try {
                    trust = userRoot(trust, "userRoots[" + i + "]", roots.get(i), entries);
                } catch (DuplicateUserRootException e) { // §7.2: one row per certificate
                    throw new InputError(e.messageNaming(entries.get(e.firstIndex()), entries.get(e.secondIndex())));
                }
            }
        }
        if (present(request, "intermediates")) {
            trust = trust.withIntermediates(pemArray(request, "intermediates"));
        }
        if (present(request, "ocspResponses")) {
            List<byte[]> responses = base64Array(request, "ocspResponses");
            if (responses.size() > SecTrust.MAX_STAPLED_OCSP_RESPONSES) {
                throw new InputError("ocspResponses: at most " + SecTrust.MAX_STAPLED_OCSP_RESPONSES
                        + " responses (a server staples at most one per certificate), got " + responses.size());
            }
            for (byte[] der : responses) {
                trust = trust.withStapledOcsp(der);
            }
        }
        if (present(request, "scts")) {
            List<byte[]> scts = base64Array(request, "scts");
            if (scts.size() > SecTrust.MAX_TLS_SCTS) {
                throw new InputError("scts: at most " + SecTrust.MAX_TLS_SCTS + " SCTs (servers send a handful), got "
                        + scts.size());
            }
            for (byte[] sct : scts) {
                trust = trust.withSct(sct);
            }
        }
        if (present(request, "network")) {
            // Accepted: "allowed if fetchers exist". The command line ships no fetchers (no network
            // code in the library), so network: true changes nothing: no AIA or OCSP fetch happens.
            bool(request, "network");
        }
        if (present(request, "ctLogs")) {
            trust = trust.withCtLogs(lastCtLogs.get(request.get("ctLogs"), logs -> ctLogs(request)));
        } else if (ctLogCache != null && !(present(request, "ctLogListFresh") && !bool(request, "ctLogListFresh"))) {
            // a device whose list is stale (ctLogListFresh: false) has no current list to use
            trust = ctLogCache.apply(trust, verifyTime, releases.isEmpty() ? List.of(release) : releases);
        }
        // extension: the device's CT state (§8.1): a list not refreshed for 60 days, the kill switch
        if (present(request, "ctLogListFresh")) {
            trust = trust.ctLogListFresh(bool(request, "ctLogListFresh"));
        }
        if (present(request, "ctKillSwitch")) {
            trust = trust.ctKillSwitch(bool(request, "ctKillSwitch"));
        }
        if (present(request, "revocationDatabase")) {
            trust = trust.withRevocationDatabase(revocationDatabase(request, leases));
        }
        // extension: the user's exceptions (§12.4)
        if (present(request, "exceptionEpoch")) {
            trust = trust.withExceptionEpoch(exceptionEpoch(request));
        }
        if (present(request, "exceptions")) {
            trust = trust.withExceptions(exceptions(request));
        }
        boolean copyExceptions = present(request, "copyExceptions") && bool(request, "copyExceptions");
        return new BatchRequest(
                id, trust, chain, copyExceptions, unparseable, hostName.flatMap(HostName::notice), releases);
    }

    private Instant at(String text) {
        return recentAt.get(text, t -> Inputs.instant("at", t));
    }

    private static long exceptionEpoch(JsonNode request) {
        JsonNode v = request.get("exceptionEpoch");
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.longValue() < 0) {
            throw new InputError("exceptionEpoch: expected a non-negative integer, got " + describe(v));
        }
        return v.longValue();
    }

    private static TrustExceptions exceptions(JsonNode request) {
        byte[] plist = Inputs.base64("exceptions", text(request, "exceptions"));
        try {
            return TrustExceptions.fromPlist(plist);
        } catch (IllegalArgumentException e) {
            throw new InputError(e.getMessage()); // "exceptions: ..."
        }
    }

    // ---- fields ----

    /**
     * The chain's certificates; a well-formed PEM block after the leaf that iOS cannot parse goes to
     * {@code unparseable} (a verdict, §14.2 step 1) instead of failing the line.
     */
    private List<Certificate> chain(JsonNode request, List<ServerChain.Unparseable> unparseable) {
        if (!present(request, "chain")) {
            throw new InputError("chain: missing (required: an array of PEM certificates, leaf first)");
        }
        JsonNode chain = array(request, "chain");
        if (chain.isEmpty()) {
            throw new InputError("chain: empty (required: at least the leaf certificate)");
        }
        List<Certificate> out = new ArrayList<>(chain.size());
        for (int i = 0; i < chain.size(); i++) {
            String element = "chain[" + i + "]";
            JsonNode v = chain.get(i);
            if (!v.isTextual()) {
                throw new InputError(element + " is not a certificate: expected a PEM string, got " + describe(v));
            }
            int refusedBefore = unparseable.size();
            try {
                out.addAll(CertificateInput.serverChainPem(
                        v.textValue(), out.size() + refusedBefore, unparseable, certificates));
            } catch (CertificateInputException e) {
                throw new InputError(Inputs.certificateMessage(element, e), e);
            }
        }
        return out;
    }

    private static SecTrust systemRoots(JsonNode request, SecTrust trust) {
        if (!present(request, "systemRoots")) {
            return trust;
        }
        JsonNode v = request.get("systemRoots");
        if (v.isBoolean()) {
            return v.booleanValue() ? trust : trust.withoutSystemRoots();
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            try {
                return trust.withSystemStore(AppleTrustStores.version(v.intValue()));
            } catch (IllegalArgumentException e) {
                throw new InputError("systemRoots: " + e.getMessage());
            }
        }
        throw new InputError(
                "systemRoots: expected true, false or a trust-store version such as 2023071300, got " + describe(v));
    }

    /**
     * One user root ({@code cert}), or every certificate a configuration profile installs ({@code profile});
     * {@code entries} gets the element's field once per user-store entry it adds (to name duplicates).
     */
    private SecTrust userRoot(SecTrust trust, String field, JsonNode node, List<String> entries) {
        if (!node.isObject()) {
            throw new InputError(field + ": expected an object {cert, install, fullTrust}, got " + describe(node));
        }
        boolean isProfile = present(node, "profile"); // extension: a base64 .mobileconfig instead of cert
        if (isProfile && present(node, "cert")) {
            throw new InputError(field + ": give either cert or profile, not both");
        }
        if (!isProfile && !present(node, "cert")) {
            throw new InputError(field + ".cert: missing (required: the root's PEM certificate, or profile: "
                    + "a base64 .mobileconfig)");
        }
        ConfigurationProfile profile = isProfile
                ? ProfileInputs.read(
                        field + ".profile",
                        Inputs.base64(field + ".profile", text(node, "profile", field + ".profile")))
                : null;
        Certificate cert =
                isProfile ? null : Inputs.onePem(field + ".cert", text(node, "cert", field + ".cert"), certificates);
        if (!present(node, "install")) {
            throw new InputError(field + ".install: missing (required: \"profile\" or \"mdm\")");
        }
        InstallChannel channel;
        try {
            channel = InstallChannel.fromLabel(text(node, "install", field + ".install"));
        } catch (IllegalArgumentException e) {
            throw new InputError(field + ".install: " + e.getMessage());
        }
        // iOS's default after a manual profile install is "off" (§7.1); MDM ignores the switch
        FullTrust fullTrust = present(node, "fullTrust") && bool(node, "fullTrust", field + ".fullTrust")
                ? FullTrust.ON
                : FullTrust.OFF;
        Optional<List<TrustSetting>> settings = Optional.empty();
        if (present(node, "trustSettings")) {
            String f = field + ".trustSettings";
            JsonNode array = array(node, "trustSettings", f);
            List<TrustSetting> list = new ArrayList<>(array.size());
            for (int i = 0; i < array.size(); i++) {
                list.add(trustSetting(f + "[" + i + "]", array.get(i)));
            }
            settings = Optional.of(list);
        }
        if (!isProfile) {
            entries.add(field);
            return trust.withUserRoot(new UserRoot(cert, channel, fullTrust, settings));
        }
        SecTrust t = profile.intermediates().isEmpty() ? trust : trust.withIntermediates(profile.intermediates());
        for (Cert root : profile.roots()) {
            entries.add(field + ".profile");
            t = t.withUserRoot(new UserRoot(root, channel, fullTrust, settings));
        }
        return t;
    }

    private static TrustSetting trustSetting(String field, JsonNode node) {
        if (!node.isObject()) {
            throw new InputError(
                    field + ": expected an object {result, policy?, policyString?, allowedError?, keyUsage?}, got "
                            + describe(node));
        }
        if (!present(node, "result")) {
            throw new InputError(field + ".result: missing (required: trustRoot, trustAsRoot, deny or unspecified)");
        }
        TrustSetting s =
                TrustSetting.of(Inputs.trustResult(field + ".result", text(node, "result", field + ".result")));
        if (present(node, "policy")) { // extension: any Apple policy OID, as kSecTrustSettingsPolicy holds
            s = TrustSettingInputs.withPolicy(s, field + ".policy", text(node, "policy", field + ".policy"));
        }
        if (present(node, "keyUsage")) { // extension: kSecTrustSettingsKeyUsage (§7.2)
            s = s.forKeyUsage(TrustSettingInputs.keyUsage(field + ".keyUsage", node.get("keyUsage")));
        }
        if (present(node, "policyString")) {
            s = s.forHost(text(node, "policyString", field + ".policyString"));
        }
        if (present(node, "allowedError")) {
            JsonNode e = node.get("allowedError");
            if (!e.isIntegralNumber() || !e.canConvertToInt()) {
                throw new InputError(
                        field + ".allowedError: expected an integer status code such as -67602, got " + describe(e));
            }
            s = s.allowingError(Inputs.allowedError(e.intValue()));
        }
        return s;
    }

    /**
     * The request's log list, as the ct package reads and checks it ({@link CtLogList#fromRequestJson}:
     * its errors already name the field, {@code ctLogs[i].key} and so on), so batch, evaluate --ct-logs
     * and the library refuse the same lists alike.
     */
    private static CtLogList ctLogs(JsonNode request) {
        JsonNode given = request.get("ctLogs");
        // an array of logs, or Apple's published list as is (an object with operators): told apart by content
        JsonNode logs = given.isObject() ? given : array(request, "ctLogs");
        try {
            return CtLogList.fromRequestJson(logs.toString()); // the exported API takes JSON text
        } catch (IllegalArgumentException e) {
            throw new InputError(e.getMessage());
        }
    }

    /**
     * The Apple Valid database in the request's file, from the run's {@link ValidDatabaseCache} (opened
     * read-only once per file while it stays among the recently used); the lease joins {@code leases}.
     */
    private ValidDatabase revocationDatabase(JsonNode request, List<ValidDatabaseCache.Lease> leases) {
        Path path = InputFiles.regularFile(
                InputFiles.path(text(request, "revocationDatabase"), "revocationDatabase"),
                "revocationDatabase",
                Long.MAX_VALUE);
        try {
            ValidDatabaseCache.Lease lease = databases.acquire(path);
            leases.add(lease);
            return lease.database();
        } catch (InputError e) {
            throw e;
        } catch (
                RuntimeException e) { // ValidDatabaseException names the problem; no sqlite-jdbc: IllegalStateException
            throw new InputError("revocationDatabase: " + e.getMessage());
        }
    }

    // ---- JSON helpers ----

    private List<Certificate> pemArray(JsonNode request, String field) {
        return pemElements(field, array(request, field));
    }

    /** Every element a PEM string; an element may hold several blocks (taken in order). */
    private List<Certificate> pemElements(String field, JsonNode array) {
        List<Certificate> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String element = field + "[" + i + "]";
            JsonNode v = array.get(i);
            if (!v.isTextual()) {
                throw new InputError(element + " is not a certificate: expected a PEM string, got " + describe(v));
            }
            out.addAll(Inputs.pem(element, v.textValue(), certificates));
        }
        return out;
    }

    private static List<byte[]> base64Array(JsonNode request, String field) {
        JsonNode array = array(request, field);
        List<byte[]> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            String element = field + "[" + i + "]";
            JsonNode v = array.get(i);
            if (!v.isTextual()) {
                throw new InputError(element + ": expected a base64 string, got " + describe(v));
            }
            out.add(Inputs.base64(element, v.textValue()));
        }
        return out;
    }

    private static boolean present(JsonNode node, String field) {
        JsonNode v = node.get(RequestFields.requireDeclared(field));
        return v != null && !v.isNull();
    }

    private static String text(JsonNode node, String field) {
        return text(node, field, field);
    }

    private static String text(JsonNode node, String field, String label) {
        JsonNode v = node.get(field);
        if (!v.isTextual()) {
            throw new InputError(label + ": expected a string, got " + describe(v));
        }
        return v.textValue();
    }

    private static boolean bool(JsonNode node, String field) {
        return bool(node, field, field);
    }

    private static boolean bool(JsonNode node, String field, String label) {
        JsonNode v = node.get(field);
        if (!v.isBoolean()) {
            throw new InputError(label + ": expected true or false, got " + describe(v));
        }
        return v.booleanValue();
    }

    private static JsonNode array(JsonNode node, String field) {
        return array(node, field, field);
    }

    private static JsonNode array(JsonNode node, String field, String label) {
        JsonNode v = node.get(field);
        if (!v.isArray()) {
            throw new InputError(label + ": expected an array, got " + describe(v));
        }
        return v;
    }

    /** "a string", "a number (12)", ... for messages. */
    static String describe(JsonNode v) {
        JsonNodeType t = v.getNodeType();
        return switch (t) {
            case STRING -> "a string";
            case NUMBER -> "a number (" + Excerpt.of(v.asText()) + ")";
            case BOOLEAN -> "a boolean (" + v.asText() + ")";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case NULL -> "null";
            default -> t.name().toLowerCase(Locale.ROOT);
        };
    }
}
