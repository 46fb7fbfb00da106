package io.github.escmon.producer.follow;

import io.github.escmon.producer.follow.FetchException.Kind;
import io.github.escmon.producer.source.Inputs;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Downloads GDELT's update list and export files over HTTP, with a connect timeout and a deadline for the
 * whole response (headers and body), and checks each export before anything of it is published: size and MD5
 * when the update list gives them, and that the zip decompresses completely (its CRC included).
 */
final class ExportFetcher {

    private final HttpClient client;
    private final Duration requestTimeout;

    ExportFetcher(Duration connectTimeout, Duration requestTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.requestTimeout = requestTimeout;
    }

    /**
     * The update list's text.
     *
     * @param stop completes when the caller wants to stop: the request is then abandoned ({@link Stopped})
     */
    String text(URI uri, CompletableFuture<?> stop) throws FetchException, InterruptedException, Stopped {
        return new String(get(uri, stop), StandardCharsets.UTF_8);
    }

    /** The export's decompressed CSV, checked as described above. */
    byte[] export(ExportFile file, CompletableFuture<?> stop) throws FetchException, InterruptedException, Stopped {
        byte[] zip = get(file.uri(), stop);
        if (file.size() >= 0 && zip.length != file.size()) {
            throw new FetchException(Kind.CORRUPT, file.name() + ": got " + zip.length + " bytes, the update list says "
                    + file.size() + " (truncated or changed)");
        }
        if (file.md5() != null && !file.md5().equals(md5(zip))) {
            throw new FetchException(Kind.CORRUPT, file.name() + ": MD5 " + md5(zip) + " is not the update list's "
                    + file.md5());
        }
        try (InputStream csv = Inputs.decompress(file.name(), new ByteArrayInputStream(zip))) {
            return csv.readAllBytes(); // reading to the end checks the entry's CRC
        } catch (IOException e) {
            throw new FetchException(Kind.CORRUPT, file.name() + ": not a complete zip (" + e.getMessage() + ")", e);
        }
    }

    private byte[] get(URI uri, CompletableFuture<?> stop) throws FetchException, InterruptedException, Stopped {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout).GET().build();
        CompletableFuture<HttpResponse<byte[]>> response = client.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> r;
        try {
            // the request timeout covers only the wait for headers; this deadline covers the body too
            CompletableFuture.anyOf(response, stop).get(requestTimeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            if (!response.isDone()) {
                response.cancel(true);
                throw new Stopped();
            }
            r = response.get();
        } catch (TimeoutException e) {
            response.cancel(true);
            throw new FetchException(Kind.UNAVAILABLE, uri + ": no complete response within "
                    + Follower.text(requestTimeout), e);
        } catch (InterruptedException e) {
            response.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            throw unavailable(uri, e.getCause());
        }
        int status = r.statusCode();
        if (status == 200) {
            return r.body();
        }
        if (status == 404) {
            throw new FetchException(Kind.NOT_FOUND, uri + ": 404 Not Found");
        }
        throw new FetchException(Kind.UNAVAILABLE, uri + ": HTTP " + status);
    }

    private FetchException unavailable(URI uri, Throwable cause) {
        String why;
        if (cause instanceof HttpTimeoutException) {
            why = "timed out (" + cause.getMessage() + "; the timeout is " + Follower.text(requestTimeout) + ")";
        } else if (cause instanceof ConnectException) {
            why = "cannot connect" + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
        } else {
            why = cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        return new FetchException(Kind.UNAVAILABLE, uri + ": " + why, cause);
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no MD5", e);
        }
    }
}
