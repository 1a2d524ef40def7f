package io.github.sectrust4j.path;

import io.github.sectrust4j.cert.Certificate;
import java.util.List;

/** A certificate source that can also answer membership (§7.3 "is it in this anchor source"). */
interface AnchorIndex extends CertificateSource {

    /** The certificate (by SHA-256) is one of this source's. */
    boolean contains(Certificate c);

    /** Every certificate, in order (tests and diagnostics: it may build them all). */
    List<Certificate> all();
}
