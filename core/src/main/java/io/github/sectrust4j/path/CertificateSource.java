package io.github.sectrust4j.path;

import io.github.sectrust4j.cert.Certificate;
import java.util.List;

/** A place to look for issuers of a certificate (§1.3 anchor and parent sources). */
interface CertificateSource {

    /** Certificates whose normalized subject equals the child's normalized issuer (§1.3; never by AKI/SKI). */
    List<Certificate> parentsOf(Certificate child);

    /** What a certificate found here reports as its origin. */
    CertificateOrigin origin();
}
