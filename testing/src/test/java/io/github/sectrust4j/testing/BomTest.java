package io.github.sectrust4j.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The BOM (which has no parent, so that it manages only sectrust4j's artifacts) stays in step with the
 * build: same version, every published module listed, and the README's coordinates table names them all.
 */
class BomTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void theBom_managesEveryPublishedModule_atTheBuildsVersion() throws Exception {
        Document parent = read(ROOT.resolve("pom.xml"));
        Document bom = read(ROOT.resolve("bom/pom.xml"));
        String version = child(parent.getDocumentElement(), "version");

        List<String> published = new ArrayList<>();
        for (String module : texts(parent.getDocumentElement(), "modules", "module")) {
            Document pom = read(ROOT.resolve(module).resolve("pom.xml"));
            boolean skipped = pom.getElementsByTagName("maven.deploy.skip").getLength() > 0;
            String artifactId = child(pom.getDocumentElement(), "artifactId");
            if (!skipped && !artifactId.equals("sectrust4j-bom")) {
                published.add(artifactId);
            }
        }
        List<String> managed = new ArrayList<>();
        NodeList deps = bom.getElementsByTagName("dependency");
        for (int i = 0; i < deps.getLength(); i++) {
            Element d = (Element) deps.item(i);
            managed.add(child(d, "artifactId"));
            assertThat(child(d, "version")).isIn(version, "${project.version}");
        }

        assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(version);
        assertThat(bom.getElementsByTagName("parent").getLength()).isZero();
        assertThat(published)
                .containsExactlyInAnyOrder(
                        "sectrust4j-trust-stores", "sectrust4j-test-fixtures", "sectrust4j-core", "sectrust4j-testing");
        assertThat(managed).containsAll(published);
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (String artifactId : published) {
            assertThat(readme).as("README coordinates of " + artifactId).contains("`" + artifactId + "`");
        }
        assertThat(readme).contains("<artifactId>sectrust4j-bom</artifactId>");
    }

    private static Document read(Path pom) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(pom.toFile());
    }

    /** Text of a direct child element. */
    private static String child(Element e, String name) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(name)) {
                return c.getTextContent().trim();
            }
        }
        return "";
    }

    private static List<String> texts(Element root, String container, String item) {
        List<String> out = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && c.getTagName().equals(container)) {
                NodeList items = c.getElementsByTagName(item);
                for (int i = 0; i < items.getLength(); i++) {
                    out.add(items.item(i).getTextContent().trim());
                }
            }
        }
        return out;
    }
}
