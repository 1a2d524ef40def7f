package io.github.sectrust4j.profile;

import static java.util.Objects.requireNonNull;

import com.dd.plist.NSArray;
import com.dd.plist.NSData;
import com.dd.plist.NSDictionary;
import io.github.sectrust4j.Cert;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A configuration profile ({@code .mobileconfig}) as far as trust goes: the certificates it installs (spec §7.1),
 * the payloads that install none, and its CMS signature.
 *
 * <p>Reading: {@link #read(byte[])} takes an XML or binary property list, unsigned or CMS-signed, and applies what
 * iOS requires before it installs a profile (Apple's Configuration Profile Reference: top-level
 * {@code PayloadType "Configuration"}, {@code PayloadIdentifier}, {@code PayloadUUID}, {@code PayloadVersion 1},
 * a {@code PayloadContent} array, and the same common keys on every payload). Certificate payloads are
 * {@code com.apple.security.root} and {@code com.apple.security.pkcs1} (DER) and {@code com.apple.security.pem}
 * (PEM; its first certificate, as iOS reads it); payloads nested in a payload's {@code PayloadContent} array are
 * read too. A self-issued certificate is installed as a root, any other as an intermediate the device can build
 * paths with (§7.1 [inferred]). Payloads that install no certificate (Wi-Fi, VPN, PKCS #12 identities, ...) are
 * listed in {@link #ignoredPayloads()}. A signature is not required (iOS installs unsigned profiles by hand and
 * calls them "Unsigned"); a signed profile's signature is checked and reported in {@link #signature()}, and a
 * profile whose signature does not verify still yields its certificates, with the report saying so.
 *
 * <p>Writing: {@link #builder()} makes a profile that installs roots, {@link #toXml()} writes it as Apple's XML
 * property list and {@link #sign} wraps it in CMS SignedData. Immutable.
 */
public final class ConfigurationProfile {
    /** Payload type of a root certificate (an alias of {@link #PKCS1_PAYLOAD} in Apple's reference). */
    public static final String ROOT_PAYLOAD = "com.apple.security.root";
    /** Payload type of a DER certificate of any kind. */
    public static final String PKCS1_PAYLOAD = "com.apple.security.pkcs1";
    /** Payload type of a PEM certificate. */
    public static final String PEM_PAYLOAD = "com.apple.security.pem";
    /** The largest profile {@link #read} accepts, in bytes. */
    public static final int MAX_BYTES = ProfileReader.MAX_BYTES;

    private final String identifier;
    private final String uuid;
    private final String displayName;
    private final String organization;
    private final String description;
    private final List<CertificatePayload> certificatePayloads;
    private final List<IgnoredPayload> ignoredPayloads;
    private final Optional<ProfileSignature> signature;

    ConfigurationProfile(
            String identifier,
            String uuid,
            String displayName,
            String organization,
            String description,
            List<CertificatePayload> certificatePayloads,
            List<IgnoredPayload> ignoredPayloads,
            Optional<ProfileSignature> signature) {
        this.identifier = identifier;
        this.uuid = uuid;
        this.displayName = displayName;
        this.organization = organization;
        this.description = description;
        this.certificatePayloads = List.copyOf(certificatePayloads);
        this.ignoredPayloads = List.copyOf(ignoredPayloads);
        this.signature = signature;
    }

    /**
     * Reads a {@code .mobileconfig}: XML or binary property list, unsigned or CMS-signed.
     *
     * @throws ConfigurationProfileException when iOS would not install it, with the reason and where
     */
    public static ConfigurationProfile read(byte[] mobileconfig) {
        return ProfileReader.read(requireNonNull(mobileconfig, "mobileconfig"));
    }

    /**
     * Whether these bytes look like a profile rather than certificates: a binary property list, XML, or CMS that
     * can hold one (a DER certificate, PEM text and a certificates-only .p7b do not). Only a sniff; {@link #read}
     * decides.
     */
    public static boolean looksLikeProfile(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.ISO_8859_1)
                .replaceFirst("^\u00ef\u00bb\u00bf", "")
                .stripLeading();
        return head.startsWith("bplist") || head.startsWith("<") || ProfileCms.mayHoldProfile(bytes);
    }

    /** A builder for a profile that installs roots. */
    public static Builder builder() {
        return new Builder();
    }

    /** {@code PayloadIdentifier}: a profile with the same identifier replaces this one on the device. */
    public String identifier() {
        return identifier;
    }

    public String uuid() {
        return uuid;
    }

    /** {@code PayloadDisplayName} ("" when absent). */
    public String displayName() {
        return displayName;
    }

    /** {@code PayloadOrganization} ("" when absent). */
    public String organization() {
        return organization;
    }

    /** {@code PayloadDescription} ("" when absent). */
    public String description() {
        return description;
    }

    /** The certificate payloads, in document order (nested ones after their container). */
    public List<CertificatePayload> certificatePayloads() {
        return certificatePayloads;
    }

    /** The payloads that install no certificate. */
    public List<IgnoredPayload> ignoredPayloads() {
        return ignoredPayloads;
    }

    /** The CMS signature; empty for an unsigned profile (and for one made by {@link #builder()}). */
    public Optional<ProfileSignature> signature() {
        return signature;
    }

    /** The roots the profile installs (self-issued certificates), without repeats. */
    public List<Cert> roots() {
        return certificates(true);
    }

    /** The other certificates it installs: intermediates for path building, not anchors (§7.1). */
    public List<Cert> intermediates() {
        return certificates(false);
    }

    private List<Cert> certificates(boolean roots) {
        Set<Cert> out = new LinkedHashSet<>();
        for (CertificatePayload p : certificatePayloads) {
            if (p.isRoot() == roots) {
                out.add(p.certificate());
            }
        }
        return List.copyOf(out);
    }

    /** What installing the profile does, for reports: name, signature, each certificate, each ignored payload. */
    public String summary() {
        StringBuilder out = new StringBuilder("Configuration profile '")
                .append(displayName.isEmpty() ? identifier : displayName)
                .append("' (")
                .append(identifier)
                .append(organization.isEmpty() ? "" : ", " + organization)
                .append(")\n  ")
                .append(signature
                        .map(ProfileSignature::describe)
                        .orElse("unsigned: iOS installs it by hand all the same and shows it as \"Unsigned\""))
                .append('\n');
        if (certificatePayloads.isEmpty()) {
            out.append("  installs no certificate\n");
        }
        for (CertificatePayload p : certificatePayloads) {
            Certificate c = CertificateInput.fromCert(p.certificate());
            out.append("  installs ")
                    .append(p.isRoot() ? "root" : "intermediate")
                    .append(" '")
                    .append(c.displayName())
                    .append("' (")
                    .append(p.type())
                    .append(", ")
                    .append(p.location())
                    .append(", sha256 ")
                    .append(c.sha256HexUpperCase())
                    .append(")\n");
        }
        for (IgnoredPayload p : ignoredPayloads) {
            out.append("  ignored ")
                    .append(p.type())
                    .append(p.displayName().isEmpty() ? "" : " '" + p.displayName() + "'")
                    .append(" (")
                    .append(p.location())
                    .append("): ")
                    .append(p.reason())
                    .append('\n');
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ writing

    /**
     * The profile as Apple's XML property list (UTF-8, keys in Apple's sorted order, '\n' line ends): the
     * {@code Configuration} dictionary with one payload per certificate. Payloads a read profile ignored are not
     * written. The same profile always gives the same bytes.
     */
    public byte[] toXml() {
        NSArray content = new NSArray(certificatePayloads.size());
        for (int i = 0; i < certificatePayloads.size(); i++) {
            CertificatePayload p = certificatePayloads.get(i);
            boolean pem = p.type().equals(PEM_PAYLOAD);
            NSDictionary payload = new NSDictionary();
            payload.put(
                    "PayloadCertificateFileName",
                    fileName(CertificateInput.fromCert(p.certificate())) + (pem ? ".pem" : ".cer"));
            payload.put(
                    "PayloadContent",
                    new NSData(pem ? pem(p.certificate()) : p.certificate().der()));
            payload.put("PayloadDisplayName", xmlText(p.displayName()));
            payload.put("PayloadIdentifier", xmlText(p.identifier()));
            payload.put("PayloadType", p.type());
            payload.put("PayloadUUID", xmlText(p.uuid()));
            payload.put("PayloadVersion", 1);
            content.setValue(i, payload);
        }
        NSDictionary top = new NSDictionary();
        top.put("PayloadContent", content);
        if (!description.isEmpty()) {
            top.put("PayloadDescription", xmlText(description));
        }
        top.put("PayloadDisplayName", xmlText(displayName));
        top.put("PayloadIdentifier", xmlText(identifier));
        if (!organization.isEmpty()) {
            top.put("PayloadOrganization", xmlText(organization));
        }
        top.put("PayloadRemovalDisallowed", false);
        top.put("PayloadType", "Configuration");
        top.put("PayloadUUID", xmlText(uuid));
        top.put("PayloadVersion", 1);
        // dd-plist ends lines with the platform's separator; the texts themselves hold no '\r' (Builder)
        return (top.toXMLPropertyList().replace("\r\n", "\n").stripTrailing() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@link #toXml()} wrapped in CMS SignedData (DER, the profile encapsulated), signed with {@code key} (RSA or EC,
     * SHA-256) and including {@code signer} and {@code chain}, with {@code signingTime} as the signed signing time.
     *
     * @throws IllegalArgumentException when the key cannot sign or does not belong to {@code signer}
     */
    public byte[] sign(PrivateKey key, Cert signerCertificate, List<? extends Cert> chain, Instant signingTime) {
        requireNonNull(key, "key");
        Certificate signer = CertificateInput.fromCert(requireNonNull(signerCertificate, "signer"));
        requireNonNull(chain, "chain");
        requireNonNull(signingTime, "signingTime");
        byte[] signed = ProfileCms.sign(toXml(), key, signer, CertificateInput.fromCerts(chain), signingTime);
        ProfileSignature check = ProfileCms.open(signed).signature();
        if (!check.verifies()) {
            throw new IllegalArgumentException("the private key does not belong to the signing certificate '"
                    + signer.displayName() + "' (" + check.detail() + ")");
        }
        return signed;
    }

    /** As {@link #sign(PrivateKey, Cert, List, Instant)}, signed now. */
    public byte[] sign(PrivateKey key, Cert signer, List<? extends Cert> chain) {
        return sign(key, signer, chain, Instant.now());
    }

    /**
     * Text XML 1.0 can hold: control characters other than tab and newline (possible in a certificate's name or a
     * binary profile's strings) become '?'; the Builder refuses them in what it is given.
     */
    private static String xmlText(String s) {
        return s.codePoints()
                .map(cp -> cp < 0x20 && cp != '\t' && cp != '\n'
                                || cp == 0x7f
                                || cp >= 0xD800 && cp <= 0xDFFF
                                || cp == 0xFFFE
                                || cp == 0xFFFF
                        ? '?'
                        : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    private static byte[] pem(Cert c) {
        return ("-----BEGIN CERTIFICATE-----\n"
                        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(c.der())
                        + "\n-----END CERTIFICATE-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** The certificate's name as a portable file name. */
    private static String fileName(Certificate c) {
        String name = c.displayName().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "root" : name;
    }

    @Override
    public String toString() {
        return "ConfigurationProfile[" + identifier + ", " + certificatePayloads.size() + " certificate payloads, "
                + ignoredPayloads.size() + " ignored"
                + signature.map(s -> ", " + s.status()).orElse(", unsigned") + "]";
    }

    /**
     * Makes a profile that installs roots ({@code com.apple.security.root} payloads), as an admin would with Apple
     * Configurator: identifier, display name and organization, fresh UUIDs (or UUIDs derived from a seed, for
     * reproducible files). Not thread-safe; {@link #build()} returns an immutable profile.
     */
    public static final class Builder {
        private final Set<Certificate> roots = new LinkedHashSet<>();
        private String identifier;
        private String displayName;
        private String organization = "";
        private String description = "";
        private String uuidSeed;

        private Builder() {}

        /**
         * Adds a root (repeats are dropped).
         *
         * @throws IllegalArgumentException when the certificate is not self-issued: a profile installs the root at
         *                                  the top of the chain, the server sends the intermediates
         */
        public Builder root(Cert certificate) {
            Certificate root = CertificateInput.fromCert(requireNonNull(certificate, "root"));
            if (!root.isSelfIssued()) {
                throw new IllegalArgumentException("'" + root.displayName() + "' is not a root: it was issued by '"
                        + root.issuer() + "'; install the root at the top of its chain and have the server send the "
                        + "intermediates");
            }
            roots.add(root);
            return this;
        }

        public Builder roots(List<? extends Cert> certificates) {
            certificates.forEach(this::root);
            return this;
        }

        /** {@code PayloadIdentifier}, reverse-DNS (default: derived from the roots, so a new file replaces the old). */
        public Builder identifier(String value) {
            identifier = text("identifier", value);
            if (identifier.isBlank() || identifier.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(
                        "identifier: expected a reverse-DNS name such as com.contoso.roots, " + "got '" + value + "'");
            }
            return this;
        }

        /** {@code PayloadDisplayName}, shown on the device (default: the root's name). */
        public Builder displayName(String value) {
            displayName = nonBlank("name", value);
            return this;
        }

        /** {@code PayloadOrganization} (default: none). */
        public Builder organization(String value) {
            organization = text("organization", value);
            return this;
        }

        /** {@code PayloadDescription} (default: none). */
        public Builder description(String value) {
            description = text("description", value);
            return this;
        }

        /** UUIDs derived from this seed instead of random ones: the same inputs then give the same file. */
        public Builder uuidSeed(String seed) {
            uuidSeed = requireNonNull(seed, "seed");
            return this;
        }

        /** @throws IllegalStateException without a root */
        public ConfigurationProfile build() {
            if (roots.isEmpty()) {
                throw new IllegalStateException("a profile needs at least one root");
            }
            List<Certificate> list = List.copyOf(roots);
            String id = identifier != null
                    ? identifier
                    : "io.github.sectrust4j.roots."
                            + list.get(0).sha256HexUpperCase().substring(0, 16).toLowerCase(Locale.ROOT);
            String name = displayName != null
                    ? displayName
                    : list.size() == 1
                            ? list.get(0).displayName()
                            : list.get(0).displayName() + " and " + (list.size() - 1) + " more roots";
            List<CertificatePayload> payloads = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Certificate c = list.get(i);
                payloads.add(new CertificatePayload(
                        ROOT_PAYLOAD,
                        id + ".root." + (i + 1),
                        uuid("payload/" + i),
                        c.displayName(),
                        "PayloadContent[" + i + "]",
                        c));
            }
            String desc = description.isEmpty()
                    ? "Installs the root certificate"
                            + (list.size() == 1 ? " '" + list.get(0).displayName() + "'" : "s of " + name)
                            + ". For TLS, turn on full trust in Settings > "
                            + "General > About > Certificate Trust Settings."
                    : description;
            return new ConfigurationProfile(
                    id, uuid("profile"), name, organization, desc, payloads, List.of(), Optional.empty());
        }

        private String uuid(String purpose) {
            UUID u = uuidSeed == null
                    ? UUID.randomUUID()
                    : UUID.nameUUIDFromBytes((uuidSeed + "\u0000" + purpose).getBytes(StandardCharsets.UTF_8));
            return u.toString().toUpperCase(Locale.ROOT);
        }

        private static String nonBlank(String field, String value) {
            String s = text(field, value);
            if (s.isBlank()) {
                throw new IllegalArgumentException(field + ": empty");
            }
            return s;
        }

        /** Text XML can hold and the writer keeps byte for byte: no control characters but tab and newline. */
        private static String text(String field, String value) {
            requireNonNull(value, field);
            if (value.codePoints()
                    .anyMatch(cp ->
                            cp < 0x20 && cp != '\t' && cp != '\n' || cp == 0x7f || cp >= 0xD800 && cp <= 0xDFFF)) {
                throw new IllegalArgumentException(field + ": contains a control character or a lone surrogate");
            }
            return value;
        }
    }
}
