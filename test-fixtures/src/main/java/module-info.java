/**
 * Test fixtures: mint certificates, chains, OCSP responses, SCTs and configuration profiles for tests, run a local
 * TLS server, and the scenario catalogue. Every package is API for test code and is exported.
 */
module io.github.sectrust4j.fixtures {
    requires org.bouncycastle.provider;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.util;
    requires org.bouncycastle.tls; // LocalTlsServer
    requires dd.plist; // the .mobileconfig builder
    requires static org.junit.jupiter.api; // TestPkiExtension: your own JUnit 5, when you use it

    exports io.github.sectrust4j.fixtures;
    exports io.github.sectrust4j.fixtures.ct;
    exports io.github.sectrust4j.fixtures.ocsp;
    exports io.github.sectrust4j.fixtures.profile;
    exports io.github.sectrust4j.fixtures.scenario;
    exports io.github.sectrust4j.fixtures.tls;
}
