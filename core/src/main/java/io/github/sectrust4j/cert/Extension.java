package io.github.sectrust4j.cert;

import java.util.Arrays;

/** One raw extension in encoded order: OID, criticality, extnValue contents. */
public record Extension(String oid, boolean critical, byte[] value) {
    public Extension {
        value = value.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extension e && e.oid.equals(oid) && e.critical == critical && Arrays.equals(e.value, value);
    }

    @Override
    public int hashCode() {
        return oid.hashCode() * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return oid + (critical ? " (critical)" : "");
    }
}
