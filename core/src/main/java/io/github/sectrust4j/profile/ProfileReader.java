package io.github.sectrust4j.profile;

import io.github.sectrust4j.CertificateInputException;
import io.github.sectrust4j.cert.Certificate;
import io.github.sectrust4j.cert.CertificateInput;
import io.github.sectrust4j.plist.StrictPlist;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .mobileconfig} the way iOS installs one (Apple's Configuration Profile Reference: the top-level
 * keys and the keys common to all payloads): every problem that makes iOS refuse the profile is a
 * {@link ConfigurationProfileException}, so no root is ever installed from a profile the device would not take.
 */
final class ProfileReader {
    static final int MAX_BYTES = 16 * 1024 * 1024;
    static final int MAX_PAYLOADS = 10_000;
    static final int MAX_NESTING = 8;
    private static final Set<String> CERTIFICATE_TYPES = Set.of(
            ConfigurationProfile.ROOT_PAYLOAD, ConfigurationProfile.PKCS1_PAYLOAD, ConfigurationProfile.PEM_PAYLOAD);
    private static final Pattern XML_ENCODING =
            Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([^\"']*)[\"']");
    private static final Pattern DOCTYPE_SUBSET = Pattern.compile("<!DOCTYPE[^>\\[]*\\[");

    private final List<CertificatePayload> certificates = new ArrayList<>();
    private final List<IgnoredPayload> ignored = new ArrayList<>();
    private int payloads;

    private ProfileReader() {}

    static ConfigurationProfile read(byte[] bytes) {
        if (bytes.length == 0) {
            throw problem("empty input: not a configuration profile");
        }
        if (bytes.length > MAX_BYTES) {
            throw problem("a profile of " + bytes.length + " bytes is larger than " + MAX_BYTES + " bytes");
        }
        Optional<ProfileSignature> signature = Optional.empty();
        byte[] plist = bytes;
        if (ProfileCms.looksLikeCms(bytes)) {
            ProfileCms.Opened opened = ProfileCms.open(bytes);
            plist = opened.content();
            signature = Optional.of(opened.signature());
        }
        Map<String, Object> top = dictionary(plist(plist), "the profile");
        return new ProfileReader().profile(top, signature);
    }

    private static Object plist(byte[] plist) {
        if (plist.length > 0 && (plist[0] & 0xff) == 0x30) {
            throw problem("not a configuration profile: DER data that is not CMS SignedData (a certificate? "
                    + "give certificates as PEM or DER files, not as a profile)");
        }
        if (!startsWith(plist, "bplist")) {
            checkXml(plist);
        }
        try {
            return StrictPlist.read(plist);
        } catch (IllegalArgumentException e) {
            throw problem("not a configuration profile: " + e.getMessage());
        }
    }

    /**
     * Refuses what a profile never holds and an XML parser could act on: entity declarations (an external entity
     * could read local files), a DTD internal subset, and any encoding but UTF-8 (which would hide both from this check).
     */
    private static void checkXml(byte[] plist) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(plist))
                    .toString();
        } catch (CharacterCodingException e) {
            throw problem("not a configuration profile: neither a binary property list nor UTF-8 XML");
        }
        if (text.indexOf('\0') >= 0) {
            throw problem("not a configuration profile: the XML holds NUL characters (profiles are UTF-8 XML)");
        }
        Matcher encoding = XML_ENCODING.matcher(text.startsWith("\uFEFF") ? text.substring(1) : text);
        if (encoding.find() && !encoding.group(1).replace("-", "").equalsIgnoreCase("utf8")) {
            throw problem("the XML declares encoding '" + encoding.group(1) + "'; profiles are UTF-8");
        }
        if (text.contains("<!ENTITY") || DOCTYPE_SUBSET.matcher(text).find()) {
            throw problem(
                    "the XML declares entities (<!ENTITY> or a DOCTYPE internal subset): refused, a configuration "
                            + "profile never declares them and an external entity could read local files");
        }
    }

    private ConfigurationProfile profile(Map<String, Object> top, Optional<ProfileSignature> signature) {
        if (Boolean.TRUE.equals(top.get("IsEncrypted")) || top.containsKey("EncryptedPayloadContent")) {
            throw problem(
                    "the profile's payloads are encrypted (EncryptedPayloadContent) to one device's key and cannot "
                            + "be read; give the unencrypted profile");
        }
        String type = required(top, "PayloadType", "");
        if (!type.equals("Configuration")) {
            throw problem("PayloadType is '" + type + "', not 'Configuration': not a configuration profile");
        }
        String identifier = required(top, "PayloadIdentifier", "");
        String uuid = required(top, "PayloadUUID", "");
        version(top, "");
        Object content = top.get("PayloadContent");
        if (!(content instanceof List<?> list)) {
            throw problem(
                    content == null
                            ? "PayloadContent is missing (iOS requires the array of payloads)"
                            : "PayloadContent is not an array of payloads");
        }
        walk(list, "PayloadContent", 0);
        return new ConfigurationProfile(
                identifier,
                uuid,
                optional(top, "PayloadDisplayName", ""),
                optional(top, "PayloadOrganization", ""),
                optional(top, "PayloadDescription", ""),
                certificates,
                ignored,
                signature);
    }

    private void walk(List<?> list, String where, int depth) {
        if (depth > MAX_NESTING) {
            throw problem(where + ": payloads nested deeper than " + MAX_NESTING + " levels");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = where + "[" + i + "]";
            if (++payloads > MAX_PAYLOADS) {
                throw problem("more than " + MAX_PAYLOADS + " payloads");
            }
            Map<String, Object> payload = dictionary(list.get(i), at);
            String prefix = at + ": ";
            String type = required(payload, "PayloadType", prefix);
            String identifier = required(payload, "PayloadIdentifier", prefix);
            String uuid = required(payload, "PayloadUUID", prefix);
            version(payload, prefix);
            String name = optional(payload, "PayloadDisplayName", prefix);
            if (CERTIFICATE_TYPES.contains(type)) {
                certificates.add(new CertificatePayload(
                        type, identifier, uuid, name, at, certificate(payload.get("PayloadContent"), type, at)));
                continue;
            }
            Object inner = payload.get("PayloadContent");
            boolean nested = inner instanceof List<?> l
                    && !l.isEmpty()
                    && l.stream().allMatch(e -> e instanceof Map<?, ?> m && m.containsKey("PayloadType"));
            ignored.add(new IgnoredPayload(type, identifier, name, at, reason(type, nested)));
            if (nested) {
                walk((List<?>) inner, at + ".PayloadContent", depth + 1);
            }
        }
    }

    private static String reason(String type, boolean nested) {
        if (nested) {
            return "holds nested payloads (read in turn)";
        }
        if (type.equals("com.apple.security.pkcs12")) {
            return "a PKCS #12 identity (certificate and private key): installs no trust anchor";
        }
        return "not a certificate payload";
    }

    /** The certificate of a root, pkcs1 (DER) or pem payload; iOS refuses the profile when it cannot read one. */
    private static Certificate certificate(Object content, String type, String at) {
        String where = at + " (" + type + "): ";
        if (!(content instanceof byte[] data)) {
            throw problem(where + (content == null ? "PayloadContent is missing" : "PayloadContent is not <data>"));
        }
        try {
            if (type.equals(ConfigurationProfile.PEM_PAYLOAD)) {
                // SecCertificateCreateWithPEM reads the first block only
                return CertificateInput.fromPem(new String(data, StandardCharsets.US_ASCII))
                        .get(0);
            }
            if (startsWith(data, "-----BEGIN")) {
                throw problem(where + "PayloadContent holds PEM text, but this payload type carries a DER certificate "
                        + "(PEM belongs in a com.apple.security.pem payload)");
            }
            return CertificateInput.fromDer(data);
        } catch (CertificateInputException e) {
            throw problem(where + "PayloadContent is not a certificate: " + e.reason());
        }
    }

    @SuppressWarnings("unchecked") // StrictPlist: dictionaries are Map<String, Object>
    private static Map<String, Object> dictionary(Object value, String what) {
        if (!(value instanceof Map<?, ?>)) {
            throw problem(what + " is not a dictionary");
        }
        return (Map<String, Object>) value;
    }

    private static String required(Map<String, Object> dict, String key, String prefix) {
        Object v = dict.get(key);
        if (v == null) {
            throw problem(prefix + key + " is missing (iOS refuses a profile without it)");
        }
        if (!(v instanceof String s) || s.isBlank()) {
            throw problem(prefix + key + " is not a non-empty string");
        }
        return s;
    }

    private static String optional(Map<String, Object> dict, String key, String prefix) {
        Object v = dict.get(key);
        if (v != null && !(v instanceof String)) {
            throw problem(prefix + key + " is not a string");
        }
        return v == null ? "" : (String) v;
    }

    private static void version(Map<String, Object> dict, String prefix) {
        Object v = dict.get("PayloadVersion");
        if (v == null) {
            throw problem(prefix + "PayloadVersion is missing (iOS refuses a profile without it)");
        }
        if (!(v instanceof Long n) || n != 1) {
            throw problem(prefix + "PayloadVersion is " + (v instanceof Long ? v : "not an integer")
                    + "; iOS installs version 1");
        }
    }

    private static boolean startsWith(byte[] data, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return data.length >= p.length && Arrays.equals(data, 0, p.length, p, 0, p.length);
    }

    static ConfigurationProfileException problem(String why) {
        return new ConfigurationProfileException(why);
    }
}
