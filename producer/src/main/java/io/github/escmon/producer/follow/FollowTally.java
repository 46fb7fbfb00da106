package io.github.escmon.producer.follow;

import io.github.escmon.producer.publish.PublishReport;

/** The running totals of a follow session, for its one line per file. */
public final class FollowTally {

    private long files;
    private long skipped;
    private long read;
    private long published;
    private long unpaired;
    private long invalid;

    public void add(PublishReport report) {
        files++;
        read += report.read();
        published += report.published();
        unpaired += report.unpaired();
        invalid += report.invalid();
    }

    public void skip() {
        skipped++;
    }

    public long files() {
        return files;
    }

    @Override
    public String toString() {
        return files + " files" + (skipped == 0 ? "" : " (" + skipped + " skipped)") + ": rows " + read
                + ", published " + published + ", unpaired " + unpaired + ", invalid " + invalid;
    }
}
