package io.github.escmon.app.bench;

import io.github.escmon.producer.publish.IncidentPublisher;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Streams generated records to an {@link IncidentPublisher}: incidents as any producer sends them, invalid
 * records unchecked (as a faulty producer would), so that they reach the monitor's dead-letter handler. Flat
 * out, or paced at a steady rate of records per second.
 */
final class WorkloadPublisher {

    /** What was sent. */
    record Sent(long records, long incidents, long invalid, long heartbeats) {
    }

    private static final int PROGRESS_EVERY = 100_000;
    /** Under pacing, records due are sent in slices this long, then flushed, so none lingers in a batch. */
    private static final long SLICE_NANOS = 5_000_000L;

    private WorkloadPublisher() {
    }

    /** Publishes every remaining record as fast as the producer takes them, then flushes. */
    static Sent publish(WorkloadGenerator records, IncidentPublisher publisher, BooleanSupplier stop, LongConsumer progress) {
        long sent = 0;
        while (records.hasNext() && !stop.getAsBoolean()) {
            send(records.next(), publisher);
            if (++sent % PROGRESS_EVERY == 0) {
                progress.accept(sent);
            }
        }
        publisher.flush();
        return sent(sent, publisher);
    }

    /** Publishes at {@code perSecond} records a second until the records run out or {@code stop} says so. */
    static Sent publishPaced(WorkloadGenerator records, IncidentPublisher publisher, double perSecond,
                             BooleanSupplier stop) throws InterruptedException {
        long start = System.nanoTime();
        long sent = 0;
        while (records.hasNext() && !stop.getAsBoolean()) {
            long due = (long) ((System.nanoTime() - start + SLICE_NANOS) / 1e9 * perSecond);
            while (sent < due && records.hasNext()) {
                send(records.next(), publisher);
                sent++;
            }
            publisher.flushIfPaced();
            long next = start + (long) ((sent + 1) / perSecond * 1e9);
            long wait = next - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
        }
        publisher.flush();
        return sent(sent, publisher);
    }

    private static void send(WorkloadRecord record, IncidentPublisher publisher) {
        if (record instanceof WorkloadRecord.Valid valid) {
            publisher.publish(valid.incident());
        } else {
            publisher.publishUnchecked(record.key(), record.at(), record.line().getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Sent sent(long records, IncidentPublisher publisher) {
        return new Sent(records, publisher.incidents(), publisher.unchecked(), publisher.heartbeats());
    }
}
