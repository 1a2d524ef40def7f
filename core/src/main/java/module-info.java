/**
 * sectrust4j: what an iPhone would say about a server's certificate chain.
 *
 * <p>Exported: the API ({@code io.github.sectrust4j}: {@code SecTrust}, {@code TrustReport}, {@code Cert}, ...),
 * the service-provider interfaces ({@code spi}) and the packages of the types a caller hands in or gets back:
 * {@code capture} (a live server's presentation), {@code profile} ({@code ConfigurationProfile}), {@code ct}
 * ({@code CtLogList}, {@code CtExceptions}, {@code CtLogCache}) and {@code revocation} ({@code OcspFetcher},
 * {@code RevocationDatabase}, {@code ValidDatabase}). The CT and revocation evaluation behind them is in
 * {@code ct.internal} and {@code revocation.internal}. Every other package is implementation: not exported, so
 * {@code requires io.github.sectrust4j} cannot reach it. Public signatures of exported packages name only JDK and
 * sectrust4j types ({@code ExportedApiTest}); the exported surface is pinned by {@code api/io.github.sectrust4j.api} and
 * checked for binary and source compatibility against {@code api/baseline/io.github.sectrust4j.jar} by japicmp.
 */
module io.github.sectrust4j {
    // AppleTrustStore appears in SecTrust.withSystemStore and IosRelease.trustStore
    requires transitive io.github.sectrust4j.truststores;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires org.bouncycastle.tls; // capture.ServerPresentation's TLS client
    requires com.google.common;
    requires com.fasterxml.jackson.databind;
    requires dd.plist; // no module name of its own: the automatic name of dd-plist-<version>.jar
    requires java.net.http; // ct.CtLogCache: the log-list download, only when asked
    requires java.sql; // revocation.ValidDatabase (JDBC)
    // optional dependencies (README "Maven artifacts"): add them with --add-modules when used on the module path
    requires static info.picocli; // the command line
    requires static org.xerial.sqlitejdbc; // Apple's Valid database

    exports io.github.sectrust4j;
    exports io.github.sectrust4j.spi;
    exports io.github.sectrust4j.capture;
    exports io.github.sectrust4j.ct;
    exports io.github.sectrust4j.profile;
    exports io.github.sectrust4j.revocation;
    // not exported (implementation): cert, check, cli, ct.internal, engine, path, plist, policy, policy.names,
    // policy.rfc5280, report, request, revocation.internal, text

    // picocli reads the command classes' option fields reflectively
    opens io.github.sectrust4j.cli to
            info.picocli;
}
