package io.github.escmon.producer.source;

/** Input formats escmon reads. */
public enum Format {
    /** escmon's native schema (SCORING.md §1), one JSON object per line */
    JSONL,
    /** GDELT 2.0 events export: tab-separated, no header, 61 columns */
    GDELT2,
    /** GDELT 1.0 daily events export: tab-separated, no header, 57 or 58 columns */
    GDELT1,
    /** ACLED CSV export, with a header row */
    ACLED
}
