package io.github.escmon.app;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** escmon's version and the Kafka version it was built with (from a resource Maven fills in). */
public final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/escmon-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        }
        return new String[] {"escmon " + p.getProperty("version", "dev"),
                "Kafka " + p.getProperty("kafka", "?") + ", Java " + Runtime.version()};
    }
}
