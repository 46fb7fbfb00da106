package io.github.escmon.app.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class KafkaResetToolTest {

    @Test
    void theCommandConfigHoldsTheClientSettingsForTheOwnerOnly() throws IOException {
        Properties client = new Properties();
        client.putAll(Map.of("bootstrap.servers", "broker:9092", "security.protocol", "SASL_SSL",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"p=s\";",
                "ssl.truststore.location", "/etc/kafka/truststore.jks",
                "group.protocol", "streams", "group.instance.id", "host-1", "num.stream.threads", "4"));
        Path file = KafkaResetTool.commandConfig(client);
        try {
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
            Properties written = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                written.load(r);
            }
            Properties expected = new Properties();
            expected.putAll(Map.of("security.protocol", "SASL_SSL", "sasl.mechanism", "PLAIN",
                    "sasl.jaas.config", client.getProperty("sasl.jaas.config"),
                    "ssl.truststore.location", "/etc/kafka/truststore.jks"));
            // the tool's consumer picks its group settings itself; Streams-only settings mean nothing to it
            assertEquals(expected, written);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
