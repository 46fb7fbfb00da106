package io.github.escmon.app.query;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /alerts}: the open alerts of every instance of the application, most severe first.
 * {@code complete} is false when an instance did not answer; {@code unreachable} names it and why.
 */
public record AlertsView(Instant asOf, boolean complete, int instances, List<String> unreachable,
                         List<OpenAlert> alerts) {
}
