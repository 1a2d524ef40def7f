/** AssertJ assertions on sectrust4j's reports and {@code PkiTrust}, for tests. */
module io.github.sectrust4j.testing {
    requires transitive io.github.sectrust4j;
    requires transitive io.github.sectrust4j.fixtures;
    requires transitive org.assertj.core; // the assertions extend AssertJ's

    exports io.github.sectrust4j.testing;
}
