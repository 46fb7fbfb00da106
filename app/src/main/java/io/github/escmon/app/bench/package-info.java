/**
 * {@code escmon bench}: the benchmark harness of issue #6.
 *
 * <p>{@link io.github.escmon.app.bench.WorkloadGenerator} makes a seeded, GDELT-shaped workload (JSON Lines
 * incidents in 15-minute batches over ~5,000 Zipf-skewed dyads, a CAMEO mix with ~15 % hostile events, ~1 %
 * duplicates and ~0.5 % invalid records); the same seed gives the same bytes. {@link
 * io.github.escmon.app.bench.BenchCommand} publishes it once into a fresh input topic (the producer phase,
 * through the real {@code IncidentPublisher}), then measures on that same topic, each phase with its own
 * application id so that it re-reads it from the start: a pass-through Kafka Streams application under
 * exactly-once (the ceiling: the monitor's serde and timestamp extractor, nothing else), and the real {@code
 * Monitor} under exactly-once and at-least-once, each timed from start until its committed offsets reach the
 * input's end (the monitor's own notion of done, {@code Drain}). Each throughput phase makes a warm-up run and
 * {@code --repeat} measured runs (median, min-max), and reports its ratio to the ceiling, the process's peak heap
 * and RSS, and the Streams state left on disk per million events. A last phase publishes at a steady rate with the
 * monitor running and measures, per alert, how long after its cause was sent a read_committed consumer read it.
 *
 * <p>Speed is measured, never asserted: {@code BenchIT} checks that every phase runs, that the table and the JSON
 * hold what they should and that the monitor accounts for every record, not how fast anything was.
 */
package io.github.escmon.app.bench;
