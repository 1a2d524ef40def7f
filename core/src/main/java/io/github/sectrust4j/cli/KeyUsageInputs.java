package io.github.sectrust4j.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sectrust4j.KeyUsage;
import java.util.ArrayList;
import java.util.List;

/**
 * Key usages as the command line and batch requests give them: the SSL policy's required key usage
 * ({@code requiredKeyUsage}, {@code --required-key-usage}: RFC 5280 names or Apple's SecKeyUsage bits).
 */
final class KeyUsageInputs {
    /** Apple's SecKeyUsage bits that name a usage (digitalSignature … decipherOnly). */
    private static final int ALL_USAGES = (1 << 9) - 1;

    private KeyUsageInputs() {}

    /** A JSON array of names, or one integer of Apple's SecKeyUsage bits (1 … 511). */
    static KeyUsage[] required(String field, JsonNode v) {
        if (v.isIntegralNumber()) {
            if (!v.canConvertToInt() || v.intValue() <= 0 || (v.intValue() & ~ALL_USAGES) != 0) {
                throw new InputError(field + ": expected Apple's SecKeyUsage bits 1 to 511 (digitalSignature = 1 … "
                        + "decipherOnly = 256), got " + v.asText());
            }
            return fromBits(v.intValue());
        }
        if (!v.isArray() || v.isEmpty()) {
            throw new InputError(
                    field + ": expected a non-empty array of key usage names such as \"digitalSignature\", "
                            + "or an integer, got " + BatchRequestParser.describe(v));
        }
        List<KeyUsage> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode e = v.get(i);
            if (!e.isTextual()) {
                throw new InputError(
                        field + "[" + i + "]: expected a key usage name, got " + BatchRequestParser.describe(e));
            }
            out.add(name(field + "[" + i + "]", e.textValue()));
        }
        return out.toArray(KeyUsage[]::new);
    }

    /** A comma-separated list of names (command line). */
    static KeyUsage[] required(String option, String list) {
        List<KeyUsage> out = new ArrayList<>();
        for (String part : list.split(",", -1)) {
            out.add(name(option, part.trim()));
        }
        return out.toArray(KeyUsage[]::new);
    }

    private static KeyUsage name(String field, String name) {
        try {
            return KeyUsage.fromLabel(name);
        } catch (IllegalArgumentException e) {
            throw new InputError(field + ": " + e.getMessage());
        }
    }

    private static KeyUsage[] fromBits(int bits) {
        return java.util.Arrays.stream(KeyUsage.values())
                .filter(k -> (bits & k.bits()) != 0)
                .toArray(KeyUsage[]::new);
    }
}
