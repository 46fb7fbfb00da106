package io.github.escmon.app.docker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.NodeList;

/** What the Maven build says about itself: the Kafka version escmon is built with, the modules of the reactor. */
final class ProjectBuild {

    private static final String VERSION_RESOURCE = "/escmon-version.properties";

    private ProjectBuild() {
    }

    /** {@code kafka.version} of the root pom, as Maven filtered it into the app's {@code escmon-version.properties}. */
    static String kafkaVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProjectBuild.class.getResourceAsStream(VERSION_RESOURCE)) {
            assertNotNull(in, VERSION_RESOURCE + " is not on the test classpath");
            p.load(in);
        }
        String value = p.getProperty("kafka", "");
        assertFalse(value.isBlank() || value.contains("${"), VERSION_RESOURCE + ": kafka is not filled in: '" + value + "'");
        return value;
    }

    /** The {@code <module>} directories of {@code pom}, in order. */
    static List<String> modules(Path pom) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        NodeList modules = factory.newDocumentBuilder().parse(pom.toFile()).getElementsByTagName("module");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            names.add(modules.item(i).getTextContent().strip());
        }
        assertFalse(names.isEmpty(), pom + ": no modules");
        return names;
    }
}
