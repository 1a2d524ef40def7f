package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.TrustSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Apple trust-settings constraints (§7.2) as requests give them: the batch {@code trustSettings[]} fields
 * that need more than a type check, and the compact command-line form of {@code --trust-settings}:
 * {@code RESULT[,policy=P][,host=H][,keyUsage=U+U|N][,allowedError=CODE]}, constraints separated by {@code ;}.
 */
final class TrustSettingInputs {
    private static final Pattern OID = Pattern.compile("[0-2](\\.(0|[1-9][0-9]*))+");
    /** Constraints per certificate on the command line; Apple's arrays are short (ManagedConfiguration writes ≤ 2). */
    private static final int MAX_CONSTRAINTS = 64;

    private TrustSettingInputs() {}

    /** {@code policy}: a BATCH-CONTRACT policy label, or any Apple policy OID as {@code kSecTrustSettingsPolicy} holds. */
    static TrustSetting withPolicy(TrustSetting s, String field, String policy) {
        if (OID.matcher(policy).matches()) {
            return new TrustSetting(s.result(), Optional.of(policy), s.policyString(), s.allowedError(), s.keyUsage());
        }
        return s.forPolicy(Inputs.policy(field, policy));
    }

    /** {@code keyUsage} in JSON: Apple's number (0 … 4294967295), or an array of {@link TrustSetting.KeyUse} names. */
    static long keyUsage(String field, JsonNode v) {
        if (v.isIntegralNumber()) {
            if (!v.canConvertToLong() || v.longValue() < 0 || v.longValue() > TrustSetting.MAX_KEY_USAGE) {
                throw new InputError(field + ": expected Apple's kSecTrustSettingsKeyUsage value 0 to 4294967295, got "
                        + v.asText());
            }
            return v.longValue();
        }
        if (!v.isArray() || v.isEmpty()) {
            throw new InputError(field + ": expected a number or a non-empty array of names (signature, enDecryptData, "
                    + "enDecryptKey, signCert, signRevocation, keyExchange, any), got "
                    + BatchRequestParser.describe(v));
        }
        long bits = 0;
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                throw new InputError(
                        field + "[" + i + "]: expected a key usage name, got " + BatchRequestParser.describe(e));
            }
            bits |= use(field + "[" + i + "]", e.textValue());
        }
        return bits;
    }

    /** {@code keyUsage=} on the command line: {@code signCert}, {@code signature+keyExchange}, or a number. */
    static long keyUsage(String field, String text) {
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            long v;
            try {
                v = Long.parseLong(text);
            } catch (NumberFormatException e) {
                v = -1;
            }
            if (v < 0 || v > TrustSetting.MAX_KEY_USAGE) {
                throw new InputError(
                        field + ": expected Apple's kSecTrustSettingsKeyUsage value 0 to 4294967295, got " + text);
            }
            return v;
        }
        long bits = 0;
        for (String name : text.split("\\+", -1)) {
            bits |= use(field, name);
        }
        return bits;
    }

    private static long use(String field, String name) {
        try {
            return TrustSetting.KeyUse.fromLabel(name.trim()).value();
        } catch (IllegalArgumentException e) {
            throw new InputError(field + ": " + e.getMessage());
        }
    }

    /**
     * {@code --trust-settings CERT.pem=CONSTRAINTS}: the constraints after the first {@code =}, separated by
     * {@code ;}; nothing after {@code =} is the empty array (full trust for a self-signed root).
     */
    static List<TrustSetting> constraints(String option, String spec) {
        List<TrustSetting> out = new ArrayList<>();
        if (spec.isEmpty()) {
            return out;
        }
        String[] parts = spec.split(";", -1);
        if (parts.length > MAX_CONSTRAINTS) {
            throw new InputError(option + ": at most " + MAX_CONSTRAINTS + " constraints per certificate");
        }
        for (int i = 0; i < parts.length; i++) {
            out.add(constraint(option + " constraint " + (i + 1), parts[i].trim()));
        }
        return out;
    }

    private static TrustSetting constraint(String field, String text) {
        String[] items = text.split(",", -1);
        TrustSetting s = TrustSetting.of(Inputs.trustResult(field, items[0].trim()));
        for (int i = 1; i < items.length; i++) {
            String item = items[i].trim();
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new InputError(field + ": expected key=value after the result, got '" + item + "'");
            }
            String key = item.substring(0, eq);
            String value = item.substring(eq + 1);
            switch (key) {
                case "policy" -> s = withPolicy(s, field + " policy", value);
                case "host" -> s = s.forHost(value);
                case "keyUsage" -> s = s.forKeyUsage(keyUsage(field + " keyUsage", value));
                case "allowedError" -> {
                    try {
                        s = s.allowingError(Inputs.allowedError(Integer.parseInt(value)));
                    } catch (NumberFormatException e) {
                        throw new InputError(field
                                + " allowedError: expected an integer status code such as -67602, got '" + value + "'");
                    }
                }
                default ->
                    throw new InputError(
                            field + ": unknown key '" + key + "' (expected policy, host, keyUsage or allowedError)");
            }
        }
        return s;
    }
}
