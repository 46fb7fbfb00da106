package io.github.escmon.events;

/** A record that is not a valid incident; the message names the field and the value, and says what is expected. */
public final class InvalidIncidentException extends RuntimeException {

    private final String field;

    public InvalidIncidentException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The offending field, or {@code "record"} when the record as a whole is unreadable. */
    public String field() {
        return field;
    }
}
