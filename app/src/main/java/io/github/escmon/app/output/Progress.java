package io.github.escmon.app.output;

import io.github.escmon.producer.source.RowReader;
import java.util.Locale;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress of a long run over a file: a bar on a terminal (bytes done of the file, rows, rows/s, ETA), a log
 * line every ten seconds otherwise (CI, pipes, files). Fed the number of rows read.
 */
public final class Progress implements LongConsumer, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final RowReader rows;
    private final long totalBytes;
    private final ProgressBar bar;
    private final long started = System.nanoTime();
    private long lastLog = started;
    private long rowsRead;

    private Progress(RowReader rows, long totalBytes, ProgressBar bar) {
        this.rows = rows;
        this.totalBytes = totalBytes;
        this.bar = bar;
    }

    /** A bar when stdout is a terminal and {@code quiet} is off, log lines otherwise. */
    public static Progress of(String task, RowReader rows, long totalBytes, boolean quiet) {
        ProgressBar bar = null;
        if (!quiet && System.console() != null && totalBytes > 0) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(totalBytes).setUnit(" MB", 1_000_000)
                    .setStyle(ProgressBarStyle.ASCII).showSpeed().setUpdateIntervalMillis(250).continuousUpdate().build();
        }
        return new Progress(rows, totalBytes, bar);
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

    public long rowsRead() {
        return rowsRead;
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.stepTo(totalBytes);
            bar.close();
        }
    }
}
