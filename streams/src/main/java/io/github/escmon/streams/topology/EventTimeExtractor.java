package io.github.escmon.streams.topology;

import io.github.escmon.events.TimelineRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time from the payload ({@code occurredAt}, or a heartbeat's time), not the record's timestamp: a
 * producer that forgot to set the timestamp must not change what the monitor computes.
 */
public final class EventTimeExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        return record.value() instanceof TimelineRecord r ? r.time().toEpochMilli() : record.timestamp();
    }
}
