package io.github.sectrust4j;

/**
 * The iOS 10.3+ switch in Settings &gt; General &gt; About &gt; Certificate Trust Settings
 * ("Enable full trust for root certificates") for a root installed by a configuration profile (§7.1).
 */
public enum FullTrust {
    /** Trusted for TLS (the switch is on). */
    ON,
    /** Trusted for everything except SSL/TLS (the default after installing a profile manually). */
    OFF
}
