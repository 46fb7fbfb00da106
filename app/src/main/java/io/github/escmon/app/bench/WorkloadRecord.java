package io.github.escmon.app.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.github.escmon.events.Incident;
import io.github.escmon.events.Json;
import java.io.UncheckedIOException;
import java.time.Instant;

/** One generated record: an incident (new or a duplicate), or an invalid record with the flaw it carries. */
public sealed interface WorkloadRecord permits WorkloadRecord.Valid, WorkloadRecord.Invalid {

    /** The Kafka key a producer would use: the dyad. */
    String key();

    /** The batch time (the record timestamp). */
    Instant at();

    /** The record as one line of JSON Lines, without the newline. */
    String line();

    /** An incident; {@code duplicate} when it re-emits the id and content of a recent one. */
    record Valid(Incident incident, boolean duplicate) implements WorkloadRecord {

        @Override
        public String key() {
            return incident.key();
        }

        @Override
        public Instant at() {
            return incident.occurredAt();
        }

        @Override
        public String line() {
            try {
                return Json.MAPPER.writeValueAsString(incident);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A record the monitor must dead-letter. */
    record Invalid(String key, Instant at, Flaw flaw, String line) implements WorkloadRecord {
    }

    /** What is wrong with an invalid record. */
    enum Flaw {
        /** a well-formed code that neither the Goldstein table nor any parent code knows */
        UNKNOWN_CAMEO,
        /** one required field left out */
        MISSING_FIELD,
        /** JSON cut off part-way */
        MALFORMED_JSON
    }
}
