package io.github.escmon.producer.follow;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A stand-in for data.gdeltproject.org on 127.0.0.1 (a real HTTP server, JDK's): serves files put into it,
 * 404 for others, and for a file scripted misbehaviour (a status, a delay, other bytes) before its content.
 */
final class GdeltServer implements AutoCloseable {

    /** One scripted answer to a request. */
    interface Answer {
        /** @return the status and body to send, after whatever this answer does first */
        Reply reply(byte[] content) throws InterruptedException;
    }

    record Reply(int status, byte[] body) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> scripts = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();

    GdeltServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(handlers); // a slow answer must not hold up the others
        server.start();
    }

    static Answer status(int code) {
        return content -> new Reply(code, ("HTTP " + code).getBytes(StandardCharsets.UTF_8));
    }

    /** Sleeps (server side, as a stalled server does) before answering normally. */
    static Answer delay(Duration d) {
        return content -> {
            Thread.sleep(d.toMillis());
            return new Reply(200, content);
        };
    }

    static Answer body(byte[] bytes) {
        return content -> new Reply(200, bytes);
    }

    URI uri(String name) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gdeltv2/" + name);
    }

    URI updateList() {
        return uri("lastupdate.txt");
    }

    void put(String name, byte[] content) {
        files.put(name, content);
    }

    void remove(String name) {
        files.remove(name);
    }

    /** Answers the next requests for {@code name} so, one each, then serves its content. */
    void script(String name, Answer... answers) {
        scripts.computeIfAbsent(name, n -> new ArrayDeque<>()).addAll(List.of(answers));
    }

    /** Puts the export file and names it in lastupdate.txt, with its size and MD5, as GDELT does. */
    void publish(Instant time, byte[] zip) {
        String name = ExportFile.nameAt(time);
        put(name, zip);
        String stamp = name.substring(0, 14);
        put("lastupdate.txt", (zip.length + " " + ExportFetcher.md5(zip) + " " + uri(name) + "\n"
                + "2119 5d1fa7ea0d7cd1e0f3e2b0b8c0a0b1c2 " + uri(stamp + ".mentions.CSV.zip") + "\n"
                + "40213 8e0f7c21b5a4a0cd1c7f4b87a3f0d6e1 " + uri(stamp + ".gkg.csv.zip") + "\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /** How many requests for {@code name} the server has seen. */
    long requests(String name) {
        return requests.stream().filter(name::equals).count();
    }

    /** The names requested, in order. */
    List<String> requested() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String name = path.substring(path.lastIndexOf('/') + 1);
            requests.add(name);
            byte[] content = files.get(name);
            Deque<Answer> script = scripts.get(name);
            Answer answer;
            synchronized (this) {
                answer = script == null ? null : script.poll();
            }
            Reply reply;
            try {
                reply = answer != null ? answer.reply(content)
                        : content != null ? new Reply(200, content) : new Reply(404, "not found".getBytes(StandardCharsets.UTF_8));
            } catch (InterruptedException e) {
                return; // the server is closing
            }
            try (OutputStream out = exchange.getResponseBody()) {
                exchange.sendResponseHeaders(reply.status(), reply.body().length);
                out.write(reply.body());
            } catch (IOException clientGone) {
                // the client timed out and closed the connection
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }
}
