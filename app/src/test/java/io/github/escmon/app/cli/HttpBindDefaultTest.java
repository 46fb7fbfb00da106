package io.github.escmon.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.escmon.app.Escmon;
import io.github.escmon.app.http.MonitorHttpServer;
import io.github.escmon.app.service.HttpSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * Issue #7, test 6: the commands that serve HTTP ({@code run}, {@code demo --follow}, {@code produce --http-port}) bind
 * the loopback unless told otherwise, so a monitor started as the README says is not reachable from the network:
 * a server bound as the command would bind it answers on 127.0.0.1 and refuses a connection to this machine's own
 * network address.
 */
class HttpBindDefaultTest {

    private static String defaultBind(String command) {
        CommandLine cli = Escmon.commandLine();
        CommandLine.ParseResult parsed = cli.parseArgs(command.equals("produce")
                ? new String[] {"produce", "file.jsonl", "--http-port", "0"} : new String[] {command});
        Object cmd = parsed.subcommand().commandSpec().userObject();
        if (cmd instanceof ProduceCommand p) {
            return p.httpBind;
        }
        HttpSettings settings = cmd instanceof RunCommand r ? r.http.settings() : ((DemoCommand) cmd).http.settings();
        return settings.bind();
    }

    @ParameterizedTest
    @ValueSource(strings = {"run", "demo", "produce"})
    void servesTheLoopbackOnlyUnlessToldOtherwise(String command) throws IOException {
        String bind = defaultBind(command);
        assertEquals("127.0.0.1", bind);
        try (MonitorHttpServer http = MonitorHttpServer.start(bind, 0)) {
            int port = http.address().getPort();
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000); // answers here
            }
            Optional<InetAddress> network = networkAddress();
            assumeTrue(network.isPresent(), "this machine has no network address besides the loopback");
            assertThrows(ConnectException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(network.get(), port), 2_000);
                }
            }, "reachable at " + network.get().getHostAddress() + ":" + port);
        }
    }

    private static Optional<InetAddress> networkAddress() throws SocketException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (nic.isUp() && !nic.isLoopback()) {
                for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                    if (a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()) {
                        return Optional.of(a);
                    }
                }
            }
        }
        return Optional.empty();
    }
}
