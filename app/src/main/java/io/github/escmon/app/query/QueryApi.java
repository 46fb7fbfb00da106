package io.github.escmon.app.query;

import com.fasterxml.jackson.core.type.TypeReference;
import io.github.escmon.alerts.levels.DyadAlertState;
import io.github.escmon.alerts.topology.AlertTopology;
import io.github.escmon.app.http.Reply;
import io.github.escmon.app.http.Routes;
import io.github.escmon.events.Dyad;
import io.github.escmon.events.Json;
import io.github.escmon.streams.topology.ScoringTopology;
import io.github.escmon.streams.window.DyadWindow;
import io.github.escmon.streams.window.ScoreParameters;
import io.github.escmon.streams.window.WindowHeader;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The query API over the monitor's state stores, across instances (Kafka Streams interactive queries). Every
 * instance advertises its HTTP address as {@code application.server}; Streams metadata says which instance holds
 * a dyad's partition, and a request for a dyad held elsewhere is passed on to that instance once
 * ({@code forwarded=true} stops loops while ownership moves).
 * <ul>
 *   <li>{@code GET /dyads/{dyad}[?events=N]}: {@link DyadView} (404 when the dyad has no window);</li>
 *   <li>{@code GET /alerts}: {@link AlertsView}, gathered from every instance ({@code ?scope=local}: this one's).</li>
 * </ul>
 * While the instance rebalances or restores the answer is 503 with a reason; try again shortly.
 */
public final class QueryApi {

    static final int DEFAULT_EVENTS = 50;
    static final int MAX_EVENTS = 1_000;
    private static final TypeReference<List<OpenAlert>> OPEN_ALERTS = new TypeReference<>() {
    };

    private final KafkaStreams streams;
    private final LocalStores stores;
    private final HostInfo self;
    private final ScoreParameters params;
    private final HttpClient client;
    private final Duration timeout;

    /** @param self this instance's advertised HTTP address, as given to {@code application.server} */
    public QueryApi(KafkaStreams streams, HostInfo self, ScoreParameters params) {
        this.streams = streams;
        this.stores = new LocalStores(streams);
        this.self = self;
        this.params = params;
        this.timeout = Duration.ofSeconds(5);
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** {@code routes} with {@code /dyads/} and {@code /alerts} added. */
    public Routes addTo(Routes routes) {
        return routes.getUnder("/dyads/", this::dyad).get("/alerts", this::alerts);
    }

    Reply dyad(Routes.Request request) {
        Dyad dyad;
        int limit;
        try {
            dyad = parseDyad(request.rest());
            limit = eventLimit(request.param("events"));
        } catch (IllegalArgumentException e) {
            return Reply.error(400, e.getMessage());
        }
        KeyQueryMetadata where = streams.queryMetadataForKey(ScoringTopology.WINDOW_STORE, dyad.key(),
                Serdes.String().serializer());
        if (where == null || KeyQueryMetadata.NOT_AVAILABLE.equals(where)) {
            return Reply.error(503, "the monitor is not running or is rebalancing (" + streams.state() + "); retry shortly");
        }
        if (!self.equals(where.activeHost())) {
            if (request.query().containsKey("forwarded")) {
                return Reply.error(503, "partition " + where.partition() + " is moving between instances; retry shortly");
            }
            return fetch(where.activeHost(), "/dyads/" + enc(dyad.key()) + "?forwarded=true&events=" + limit);
        }
        try {
            Optional<DyadWindow> window = stores.window(dyad.key());
            if (window.isEmpty() || window.get().lastEvaluation() == null) {
                return Reply.error(404, "no window for " + dyad.key() + ": no event between its actors on record");
            }
            DyadAlertState alert = stores.alertState(dyad.key()).orElse(null);
            return Reply.json(DyadView.of(window.get(), alert, params, limit, address(self)));
        } catch (InvalidStateStoreException e) {
            return Reply.error(503, "the store is not queryable now (" + streams.state() + "); retry shortly");
        }
    }

    Reply alerts(Routes.Request request) {
        try {
            if ("local".equals(request.param("scope"))) {
                return Reply.json(localAlerts());
            }
            List<OpenAlert> all = new ArrayList<>();
            List<String> unreachable = new ArrayList<>();
            int instances = 0;
            for (StreamsMetadata instance : streams.streamsMetadataForStore(AlertTopology.STATE_STORE)) {
                instances++;
                if (self.equals(instance.hostInfo())) {
                    all.addAll(localAlerts());
                    continue;
                }
                try {
                    all.addAll(Json.MAPPER.readValue(get(instance.hostInfo(), "/alerts?scope=local"), OPEN_ALERTS));
                } catch (IOException | RuntimeException e) {
                    unreachable.add(address(instance.hostInfo()) + ": " + e.getMessage());
                }
            }
            if (instances == 0) {
                return Reply.error(503, "the monitor is not running or is rebalancing (" + streams.state() + "); retry shortly");
            }
            all.sort(OpenAlert.MOST_SEVERE_FIRST);
            return Reply.json(new AlertsView(Instant.now(), unreachable.isEmpty(), instances, unreachable, all));
        } catch (InvalidStateStoreException e) {
            return Reply.error(503, "the store is not queryable now (" + streams.state() + "); retry shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(503, "interrupted");
        }
    }

    private List<OpenAlert> localAlerts() {
        List<OpenAlert> open = new ArrayList<>();
        for (Map.Entry<String, DyadAlertState> e : stores.openAlerts().entrySet()) {
            Optional<WindowHeader> window = stores.header(e.getKey());
            Long at = window.map(WindowHeader::lastEval).orElse(null);
            DyadAlertState s = e.getValue();
            open.add(new OpenAlert(e.getKey(), s.level().name(), s.since(), s.calmSince(),
                    window.map(WindowHeader::lastScore).orElse(0.0), at == null ? null : Instant.ofEpochMilli(at),
                    address(self)));
        }
        return open;
    }

    /** Passes a request on to the instance that holds the data, and its answer back as it is. */
    private Reply fetch(HostInfo host, String pathAndQuery) {
        try {
            HttpResponse<String> r = client.send(request(host, pathAndQuery), HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(Reply.JSON), r.body());
        } catch (IOException e) {
            return Reply.error(502, "instance " + address(host) + " did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.error(503, "interrupted");
        }
    }

    private String get(HostInfo host, String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request(host, pathAndQuery), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " " + r.body().strip());
        }
        return r.body();
    }

    private HttpRequest request(HostInfo host, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create("http://" + address(host) + pathAndQuery)).timeout(timeout).GET().build();
    }

    static String address(HostInfo h) {
        return (h.host().contains(":") ? "[" + h.host() + "]" : h.host()) + ":" + h.port();
    }

    /** {@code IRN-PAK} or {@code pak-irn}: two distinct actor codes joined by '-', in either order, any case. */
    static Dyad parseDyad(String text) {
        String[] parts = text.toUpperCase(Locale.ROOT).split("-", -1);
        if (parts.length != 2 || parts[0].equals(parts[1])) {
            throw new IllegalArgumentException("not a dyad: \"" + text + "\"; expected two distinct actor codes joined by '-', such as IRN-PAK");
        }
        return Dyad.parse(Dyad.of(parts[0], parts[1]).key());
    }

    static int eventLimit(String text) {
        if (text == null) {
            return DEFAULT_EVENTS;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= 0 && n <= MAX_EVENTS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        throw new IllegalArgumentException("events must be a whole number from 0 to " + MAX_EVENTS + ", got \"" + text + "\"");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
