package io.github.sectrust4j.cert;

import java.util.List;

/**
 * nameConstraints (§2.3 step 6). {@code unsupportedForms} counts subtrees of forms Apple does not
 * support (otherName, x400Address, ediPartyName, registeredID, and iPAddress subtrees whose length is
 * not 8 or 32); a critical extension with any such form fails {@code NameConstraints}.
 */
public record NameConstraints(boolean critical, Subtrees permitted, Subtrees excluded) {

    /** An IP subtree: address and mask of equal length (4+4 or 16+16). */
    public record IpSubtree(byte[] address, byte[] mask) {
        public IpSubtree {
            address = address.clone();
            mask = mask.clone();
        }

        @Override
        public byte[] address() {
            return address.clone();
        }

        @Override
        public byte[] mask() {
            return mask.clone();
        }
    }

    /** The subtrees of one list (permitted or excluded), by name form. */
    public record Subtrees(
            List<String> dnsNames,
            List<IpSubtree> ipAddresses,
            List<String> emails,
            List<String> uris,
            List<DistinguishedName> directoryNames,
            int unsupportedForms) {
        public Subtrees {
            dnsNames = List.copyOf(dnsNames);
            ipAddresses = List.copyOf(ipAddresses);
            emails = List.copyOf(emails);
            uris = List.copyOf(uris);
            directoryNames = List.copyOf(directoryNames);
        }

        public int size() {
            return dnsNames.size()
                    + ipAddresses.size()
                    + emails.size()
                    + uris.size()
                    + directoryNames.size()
                    + unsupportedForms;
        }

        public boolean isEmpty() {
            return size() == 0;
        }
    }

    public boolean hasUnsupportedForms() {
        return permitted.unsupportedForms() > 0 || excluded.unsupportedForms() > 0;
    }
}
