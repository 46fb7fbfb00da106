package io.github.escmon.app.security;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourceType;

/**
 * An ACL a command needs: operations on one resource, or on every resource whose name starts with a prefix. READ,
 * WRITE and DELETE include DESCRIBE in Kafka, so DESCRIBE is not listed beside them.
 */
public record AclNeed(ResourceType type, String name, PatternType pattern, List<AclOperation> operations) {

    public AclNeed {
        operations = List.copyOf(operations);
    }

    public static AclNeed literal(ResourceType type, String name, AclOperation... operations) {
        return new AclNeed(type, name, PatternType.LITERAL, List.of(operations));
    }

    public static AclNeed prefixed(ResourceType type, String prefix, AclOperation... operations) {
        return new AclNeed(type, prefix, PatternType.PREFIXED, List.of(operations));
    }

    /** Whether this ACL is about {@code resource} of {@code resourceType}. */
    public boolean covers(ResourceType resourceType, String resource) {
        return type == resourceType
                && (type == ResourceType.CLUSTER || (pattern == PatternType.PREFIXED ? resource.startsWith(name) : resource.equals(name)));
    }

    /** {@code WRITE on topic 'escalation-alerts'}, {@code WRITE on transactional ids starting with 'escmon-'}. */
    public String describe() {
        String ops = operations.stream().map(AclOperation::name).collect(Collectors.joining(", "));
        if (type == ResourceType.CLUSTER) {
            return ops + " on the cluster";
        }
        String kind = switch (type) {
            case TRANSACTIONAL_ID -> "transactional id";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
        return ops + " on " + (pattern == PatternType.PREFIXED ? kind + "s starting with '" + name + "'" : kind + " '" + name + "'");
    }

    /** The options of {@code kafka-acls --add} that grant it to {@code principal} ({@code User:NAME}). */
    public String kafkaAclsOptions(String principal) {
        StringBuilder s = new StringBuilder("--allow-principal ").append(principal);
        operations.forEach(op -> s.append(" --operation ").append(op.name()));
        if (pattern == PatternType.PREFIXED) {
            s.append(" --resource-pattern-type prefixed");
        }
        switch (type) {
            case TOPIC -> s.append(" --topic ").append(name);
            case GROUP -> s.append(" --group ").append(name);
            case TRANSACTIONAL_ID -> s.append(" --transactional-id ").append(name);
            case CLUSTER -> s.append(" --cluster");
            default -> throw new IllegalStateException("escmon needs no ACL on a " + type);
        }
        return s.toString();
    }
}
