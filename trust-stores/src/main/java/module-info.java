/**
 * Apple's trust stores 2015–2025 as data: anchor facts, CT log lists, the iOS-release table, and their loader.
 * Exported: {@code io.github.sectrust4j.truststores}. {@code truststores.tool}, the regeneration tool the build
 * runs (README "Apple trust stores"), is exported to core only.
 */
module io.github.sectrust4j.truststores {
    exports io.github.sectrust4j.truststores;
    // core reads Apple's published CT log lists with the tool's parser (ct.PublishedLogLists)
    exports io.github.sectrust4j.truststores.tool to
            io.github.sectrust4j;
}
