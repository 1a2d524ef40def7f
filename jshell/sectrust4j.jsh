// sectrust4j in jshell: the API and the test fixtures, ready to use. Started from the checkout by
//   mvn -q -B package -DskipTests && jshell --class-path core/target/sectrust4j.jar:test-fixtures/target/sectrust4j-test-fixtures.jar jshell/sectrust4j.jsh
// (on Windows separate the two jars with ';').
import io.github.sectrust4j.*;
import io.github.sectrust4j.fixtures.*;
import java.nio.file.*;
import java.time.*;
import java.util.*;

/** Fixtures: keys and names from a fixed seed, certificates valid around pki.now() (2025-06-01T00:00:00Z). */
TestPki pki = TestPki.seeded(2025);
/** Root, issuing CA and leaf for sip.contoso.com; chain.pem() is what the server sends (leaf + issuing CA). */
TestChain chain = pki.chain("sip.contoso.com");
/** An iPhone on iOS 17.4 connecting to sip.contoso.com, on the fixtures' clock. */
SecTrust iphone = SecTrust.ios("17.4").forServer("sip.contoso.com").at(pki.now());

/** Prints the full report (a String value would be shown escaped on one line). */
void explain(TrustReport report) { System.out.println(report.explain()); }

System.out.println("""
    sectrust4j ready — pki (TestPki, now %s), chain = pki.chain("sip.contoso.com"),
    iphone = SecTrust.ios("17.4").forServer("sip.contoso.com").at(pki.now()). Try:
      iphone.evaluate(chain.pem())                                        // root not installed
      iphone.withMdmRoot(chain.root().pem()).evaluate(chain.pem())        // deployed by MDM
      explain(iphone.withProfileRoot(chain.root().pem(), FullTrust.OFF).evaluate(chain.pem()))
      SecTrust.ios("12.0").forServer("www.example.com").at(pki.now()).evaluate(Files.readString(Path.of("examples/expired-leaf/chain.pem")))
    """.formatted(pki.now()));
