package io.github.escmon.app.reset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.escmon.app.Escmon;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Option errors of escmon reset, found before any connection. */
@Timeout(30)
class ResetOptionsTest {

    private record Run(int code, String err) {
    }

    private static Run reset(String... args) {
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "reset";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Escmon.commandLine().setErr(new PrintWriter(err, true)).setOut(new PrintWriter(new StringWriter())).execute(all);
        return new Run(code, err.toString());
    }

    @Test
    void oneOfToDatetimeAndToEarliestIsRequired() {
        Run none = reset("--dry-run");
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("--to-datetime") && none.err().contains("--to-earliest"), none.err());
        Run both = reset("--to-earliest", "--to-datetime", "2024-01-01");
        assertEquals(2, both.code(), both.err());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
    }

    @Test
    void aTimeThatIsNotOneSaysWhatIsExpected() {
        Run r = reset("--to-datetime", "16/01/2024", "--bootstrap-servers", "127.0.0.1:1");
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("--to-datetime: expected a time such as 2024-01-01T00:00:00Z or a date 2024-01-01, got '16/01/2024'"), r.err());
    }

    @Test
    void helpListsTheExitCodes() {
        StringWriter out = new StringWriter();
        int code = Escmon.commandLine().setOut(new PrintWriter(out, true)).execute("reset", "--help");
        assertEquals(0, code);
        assertTrue(out.toString().contains("3   refused: the application has live members"), out.toString());
    }
}
