package io.github.escmon.app.metrics;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest score of every dyad of this instance's partitions, kept for the bounded score gauges: the stream
 * thread writes a dyad's score as each score record goes out, the scrape reads the top ones. A partition that
 * moves to another instance takes its dyads with it.
 */
final class DyadScoreBoard {

    record Entry(double score, int partition) {
    }

    private final Map<String, Entry> scores = new ConcurrentHashMap<>();

    void put(String dyad, double score, int partition) {
        scores.put(dyad, new Entry(score, partition));
    }

    /** As {@link #put}, unless the dyad already has a (newer) score. */
    void putIfAbsent(String dyad, double score, int partition) {
        scores.putIfAbsent(dyad, new Entry(score, partition));
    }

    /** Forgets the dyads of partitions this instance no longer processes. */
    void retainPartitions(Set<Integer> partitions) {
        scores.values().removeIf(e -> !partitions.contains(e.partition()));
    }

    Double score(String dyad) {
        Entry e = scores.get(dyad);
        return e == null ? null : e.score();
    }

    /** The {@code n} highest scores above zero, highest first (ties by dyad). */
    List<Map.Entry<String, Double>> top(int n) {
        return scores.entrySet().stream()
                .filter(e -> e.getValue().score() > 0)
                .map(e -> Map.entry(e.getKey(), e.getValue().score()))
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(n)
                .toList();
    }

    int size() {
        return scores.size();
    }
}
