package io.github.escmon.app.output;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One order for output files whatever the partitioning: by event time, then dyad, then the order in which
 * the dyad's partition holds them (which is the order they were computed in, as a dyad lives in one partition).
 */
public final class CanonicalOrder {

    private CanonicalOrder() {
    }

    public static <V> List<V> sort(List<ConsumerRecord<String, V>> records, Function<V, Instant> at) {
        return records.stream()
                .sorted(Comparator.<ConsumerRecord<String, V>, Instant>comparing(r -> at.apply(r.value()))
                        .thenComparing(ConsumerRecord::key)
                        .thenComparingLong(ConsumerRecord::offset))
                .map(ConsumerRecord::value)
                .toList();
    }
}
