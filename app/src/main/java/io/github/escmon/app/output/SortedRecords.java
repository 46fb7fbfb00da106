package io.github.escmon.app.output;

import io.github.escmon.events.Json;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Properties;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Every committed record of an output topic in canonical order: by time, then dyad, then offset (a dyad lives in one
 * partition, so that is the order it was computed in), one order whatever the partitioning,
 * in bounded memory: a year of score records does not fit in the heap. Records are read as bytes, sorted in runs
 * of at most {@link #RUN_BYTES} that go to temp files, and each iteration merges the runs. The record timestamp is
 * the record's {@code at} (escmon writes scores and alerts so), so sorting parses nothing; iterating does, one record
 * at a time. {@link #close()} deletes the files.
 */
public final class SortedRecords<V> implements Iterable<V>, AutoCloseable {

    /** At most this many runs are merged at once: more are first merged into longer runs (open files are limited). */
    static final int FAN_IN = 64;
    /** How many bytes of records a run holds before it goes to disk. */
    static final long RUN_BYTES = Math.max(8L << 20, Math.min(256L << 20, Runtime.getRuntime().maxMemory() / 8));

    private record Entry(long at, String key, long offset, byte[] value) {
        long bytes() {
            return 64 + 2L * key.length() + value.length;
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.comparingLong(Entry::at)
            .thenComparing(Entry::key).thenComparingLong(Entry::offset);

    private final Class<V> type;
    private final List<Path> runs = new ArrayList<>();
    private final List<Entry> memory = new ArrayList<>();
    private final List<AutoCloseable> open = new ArrayList<>();
    private Path dir;
    private long size;
    /** Made by {@link #count}: the records were counted, not kept. */
    private boolean countedOnly;
    private int runNumber;

    private SortedRecords(Class<V> type) {
        this.type = type;
    }

    /** Reads {@code topic} from the beginning to its end offsets as of now (read_committed). */
    public static <V> SortedRecords<V> read(Properties clientProps, String topic, Class<V> type, Duration timeout) {
        return read(clientProps, topic, type, timeout, RUN_BYTES);
    }

    static <V> SortedRecords<V> read(Properties clientProps, String topic, Class<V> type, Duration timeout, long runBytes) {
        SortedRecords<V> sorted = new SortedRecords<>(type);
        try (var reader = new TopicReader<>(clientProps, topic, new ByteArrayDeserializer())) {
            long[] buffered = {0};
            reader.readToEnd(timeout, r -> {
                if (r.timestampType() == TimestampType.LOG_APPEND_TIME) {
                    throw new IllegalStateException("topic " + topic + " stamps records with the time they were appended"
                            + " (message.timestamp.type=LogAppendTime); escmon's outputs carry their event time as record"
                            + " time: set message.timestamp.type=CreateTime on the topic");
                }
                Entry e = new Entry(r.timestamp(), r.key() == null ? "" : r.key(), r.offset(), r.value());
                sorted.memory.add(e);
                sorted.size++;
                buffered[0] += e.bytes();
                if (buffered[0] > runBytes) {
                    sorted.spill();
                    buffered[0] = 0;
                }
            });
            sorted.memory.sort(ORDER);
            if (!sorted.runs.isEmpty() && !sorted.memory.isEmpty()) {
                sorted.spill(); // one way to iterate: merge the runs
            }
            while (sorted.runs.size() > FAN_IN) {
                sorted.mergeFirstRuns();
            }
            return sorted;
        } catch (RuntimeException e) {
            sorted.close();
            throw e;
        }
    }

    /**
     * Counts {@code topic}'s records as {@link #read} would read them, keeping none: only {@link #size()} answers,
     * and iterating throws. A backtest that writes no score file needs their number, not 45 million of them (a year
     * of GDELT) sorted through as much disk as the topic holds.
     */
    public static <V> SortedRecords<V> count(Properties clientProps, String topic, Class<V> type, Duration timeout) {
        SortedRecords<V> counted = new SortedRecords<>(type);
        counted.countedOnly = true;
        try (var reader = new TopicReader<>(clientProps, topic, new ByteArrayDeserializer())) {
            reader.readToEnd(timeout, r -> counted.size++);
        }
        return counted;
    }

    /** How many records there are. */
    public long size() {
        return size;
    }

    /** How many sorted runs went to disk (0: all in memory). */
    int runCount() {
        return runs.size();
    }

    /** Where the runs are, or null when none went to disk. */
    Path spillDirectory() {
        return dir;
    }

    /** The records as a list: for tests and for small runs only. */
    public List<V> toList() {
        List<V> all = new ArrayList<>();
        forEach(all::add);
        return all;
    }

    @Override
    public Iterator<V> iterator() {
        if (countedOnly) {
            throw new IllegalStateException("these records were only counted (SortedRecords.count): read them to iterate");
        }
        if (runs.isEmpty()) {
            Iterator<Entry> it = memory.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public V next() {
                    return parse(it.next());
                }
            };
        }
        Merge merge = new Merge(runs);
        open.add(merge);
        return merge;
    }

    @Override
    public void close() {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                // a reader of a temp file: nothing to lose
            }
        }
        open.clear();
        if (dir != null) {
            for (Path run : runs) {
                run.toFile().delete();
            }
            dir.toFile().delete();
        }
        runs.clear();
        memory.clear();
    }

    private V parse(Entry e) {
        try {
            return Json.MAPPER.readValue(e.value(), type);
        } catch (IOException ex) {
            throw new UncheckedIOException("record at offset " + e.offset() + " of dyad " + e.key() + " is not a "
                    + type.getSimpleName() + ": " + ex.getMessage(), ex);
        }
    }

    private void spill() {
        memory.sort(ORDER);
        writeRun(memory.iterator());
        memory.clear();
    }

    /** Merges the first {@link #FAN_IN} runs into one at the end of the list. */
    private void mergeFirstRuns() {
        List<Path> first = new ArrayList<>(runs.subList(0, FAN_IN));
        try (Merge merge = new Merge(first)) {
            writeRun(merge.entries());
        }
        runs.removeAll(first);
        first.forEach(p -> p.toFile().delete());
    }

    private void writeRun(Iterator<Entry> entries) {
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("escmon-sort-");
            }
            Path run = dir.resolve("run-" + runNumber++);
            runs.add(run); // listed before it is written, so that close() deletes even a run written half
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(run), 1 << 16))) {
                while (entries.hasNext()) {
                    Entry e = entries.next();
                    out.writeLong(e.at());
                    out.writeUTF(e.key());
                    out.writeLong(e.offset());
                    out.writeInt(e.value().length);
                    out.write(e.value());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write sorted records to a temp file (is the disk full?): " + e.getMessage(), e);
        }
    }

    /** One sorted run being read. */
    private static final class Run implements AutoCloseable {
        private final DataInputStream in;
        Entry head;

        Run(Path file) throws IOException {
            this.in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
            advance();
        }

        void advance() throws IOException {
            long at;
            try {
                at = in.readLong();
            } catch (EOFException e) {
                head = null; // the end falls between records; anywhere else it is an error (below)
                in.close();
                return;
            }
            String key = in.readUTF();
            long offset = in.readLong();
            int length = in.readInt();
            byte[] value = in.readNBytes(length);
            if (value.length != length) {
                throw new IOException("a temp file of sorted records ends inside a record");
            }
            head = new Entry(at, key, offset, value);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** A k-way merge of some runs, as entries and as records. */
    private final class Merge implements Iterator<V>, AutoCloseable {
        private final PriorityQueue<Run> queue = new PriorityQueue<>((x, y) -> ORDER.compare(x.head, y.head));
        private final List<Run> all = new ArrayList<>();

        Merge(List<Path> files) {
            try {
                for (Path p : files) {
                    Run r = new Run(p);
                    all.add(r);
                    if (r.head != null) {
                        queue.add(r);
                    }
                }
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot read sorted records back from a temp file: " + e.getMessage(), e);
            }
        }

        Iterator<Entry> entries() {
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return Merge.this.hasNext();
                }

                @Override
                public Entry next() {
                    return nextEntry();
                }
            };
        }

        @Override
        public boolean hasNext() {
            return !queue.isEmpty();
        }

        @Override
        public V next() {
            return parse(nextEntry());
        }

        private Entry nextEntry() {
            Run r = queue.poll();
            if (r == null) {
                throw new NoSuchElementException();
            }
            Entry e = r.head;
            try {
                r.advance();
            } catch (IOException ex) {
                throw new UncheckedIOException("cannot read sorted records back from a temp file: " + ex.getMessage(), ex);
            }
            if (r.head != null) {
                queue.add(r);
            }
            return e;
        }

        @Override
        public void close() {
            for (Run r : all) {
                try {
                    r.close();
                } catch (IOException e) {
                    // a temp file: nothing to lose
                }
            }
        }
    }
}
