package io.github.sectrust4j.cert;

import java.util.List;

/** authorityInfoAccess URIs (only uniformResourceIdentifier access locations are kept). */
public record AuthorityInfoAccess(List<String> caIssuers, List<String> ocsp) {
    public AuthorityInfoAccess {
        caIssuers = List.copyOf(caIssuers);
        ocsp = List.copyOf(ocsp);
    }
}
