package io.github.escmon.app.output;

import io.github.escmon.producer.source.RowReader;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long run over a file: a bar on a terminal (bytes done of the file, rows, rows/s, ETA), a log
 * line every ten seconds otherwise (CI, pipes, files). Fed the number of rows read, then the records the monitor
 * has committed of those published: a bar (or log lines) of its own, since scoring goes on after the file is read.
 */
public final class Progress implements RunProgress, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final RowReader rows;
    private final long totalBytes;
    private final String task;
    private final boolean terminal;
    private final ProgressBar bar;
    private ProgressBar scoring;
    private long scoringFrom = -1;
    private long scoringStarted;
    private final long started = System.nanoTime();
    private long lastLog = started;
    private long rowsRead;

    private Progress(String task, boolean terminal, RowReader rows, long totalBytes, ProgressBar bar) {
        this.task = task;
        this.terminal = terminal;
        this.rows = rows;
        this.totalBytes = totalBytes;
        this.bar = bar;
    }

    /** A bar when stdout is a terminal and {@code quiet} is off, log lines otherwise. */
    public static Progress of(String task, RowReader rows, long totalBytes, boolean quiet) {
        boolean terminal = !quiet && System.console() != null;
        ProgressBar bar = null;
        if (terminal && totalBytes > 0) {
            bar = bar(task, totalBytes, " MB", 1_000_000);
        }
        return new Progress(task, terminal, rows, totalBytes, bar);
    }

    private static ProgressBar bar(String name, long max, String unit, long unitSize) {
        return new ProgressBarBuilder().setTaskName(name).setInitialMax(max).setUnit(unit, unitSize)
                .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(250).continuousUpdate().build();
    }

    @Override
    public void accept(long read) {
        rowsRead = read;
        double seconds = (System.nanoTime() - started) / 1e9;
        String rate = String.format(Locale.ROOT, "%,d rows, %,.0f rows/s", read, seconds > 0 ? read / seconds : 0.0);
        long bytes = rows.bytesRead();
        if (bar != null) {
            if (bytes >= 0) {
                bar.stepTo(Math.min(bytes, totalBytes));
            }
            bar.setExtraMessage(rate);
        } else if (System.nanoTime() - lastLog >= LOG_EVERY_NANOS) {
            lastLog = System.nanoTime();
            String done = bytes >= 0 && totalBytes > 0
                    ? String.format(Locale.ROOT, ", %.0f%% of the file", 100.0 * bytes / totalBytes) : "";
            LOG.info("Read {}{}", rate, done);
        }
    }

    @Override
    public void committed(long done, long total) {
        long now = System.nanoTime();
        if (scoringFrom < 0) {
            scoringFrom = done;
            scoringStarted = now;
            lastLog = now;
            if (bar != null) {
                bar.stepTo(totalBytes);
                bar.close();
            }
            if (terminal) {
                scoring = bar(task + ": scoring", total, " records", 1);
            }
        }
        if (scoring != null) {
            scoring.stepTo(done);
        } else if (now - lastLog >= LOG_EVERY_NANOS) {
            lastLog = now;
            double seconds = (now - scoringStarted) / 1e9;
            LOG.info(String.format(Locale.ROOT, "Scored %,d of %,d input records (%.0f%%), %,.0f records/s", done, total,
                    total > 0 ? 100.0 * done / total : 100.0, seconds > 0 ? (done - scoringFrom) / seconds : 0.0));
        }
    }

    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() {
        if (scoring != null) {
            scoring.close();
        } else if (bar != null) {
            bar.stepTo(totalBytes);
            bar.close();
        }
    }
}
