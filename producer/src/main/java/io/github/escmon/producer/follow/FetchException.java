package io.github.escmon.producer.follow;

/** A download that did not give a usable file, and what kind of failure it was. */
public final class FetchException extends Exception {

    /** How a failure is handled. */
    public enum Kind {
        /** HTTP 404: for a file derived to fill a gap, GDELT never published it */
        NOT_FOUND,
        /** refused, timed out, 5xx or another HTTP error, connection dropped: the network or the server */
        UNAVAILABLE,
        /** arrived but wrong: truncated or corrupt zip, size or MD5 not as the update list says */
        CORRUPT
    }

    private final Kind kind;

    public FetchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public FetchException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
