package io.github.escmon.producer.publish;

/** Why one line of a file was not published: its number, the field at fault, and the reason. */
public record LineError(long line, String field, String reason) {
}
