package io.github.escmon.app.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.app.Escmon;
import io.github.escmon.events.Codebook;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

    @Test
    void workloadOutWritesTheGeneratorsBytesWithoutABroker(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("w.jsonl");
        int code = Escmon.commandLine().execute("bench", "--workload-out", file.toString(), "--events", "5000", "--seed", "8");
        assertEquals(0, code);
        StringWriter expected = new StringWriter();
        WorkloadFile.write(new WorkloadGenerator(WorkloadSpec.standard(8, 5000), Codebook.standard(), -4.0), expected);
        assertEquals(expected.toString(), Files.readString(file));
    }

    @Test
    void aSettingThatCannotWorkIsRefusedWithTheOptionNamed() {
        StringWriter err = new StringWriter();
        int code = Escmon.commandLine().setErr(new PrintWriter(err)).execute("bench", "--repeat", "0");
        assertEquals(1, code);
        assertTrue(err.toString().contains("--repeat must be at least 1, got 0"), err.toString());
    }

    @Test
    void helpExplainsEveryOption() {
        StringWriter out = new StringWriter();
        int code = Escmon.commandLine().setOut(new PrintWriter(out)).execute("bench", "--help");
        assertEquals(0, code);
        for (String option : new String[] {"--events", "--seed", "--repeat", "--[no-]warmup", "--partitions", "--latency-rate",
                "--latency-seconds", "--skip-latency", "--json", "--bootstrap-servers", "--timeout", "--workload-out"}) {
            assertTrue(out.toString().contains(option), option + " in:\n" + out);
        }
    }
}
