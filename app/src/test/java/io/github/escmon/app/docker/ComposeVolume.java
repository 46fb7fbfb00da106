package io.github.escmon.app.docker;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of a Compose service's {@code volumes}: a bind mount of a host path (relative to the Compose file's
 * directory) or a named volume, mounted at {@code target} in the container.
 *
 * @param source the host path or the volume's name
 * @param target the path in the container
 * @param bind   whether {@code source} is a host path
 */
record ComposeVolume(String source, String target, boolean bind) {

    /** Short syntax {@code SOURCE:TARGET[:MODE]} or long syntax {@code {type, source, target}}. */
    static ComposeVolume of(JsonNode entry) {
        if (entry.isObject()) {
            return new ComposeVolume(entry.path("source").asText(), entry.path("target").asText(),
                    "bind".equals(entry.path("type").asText()));
        }
        String[] parts = entry.asText().split(":");
        if (parts.length < 2) {
            // an anonymous volume: only a container path
            return new ComposeVolume("", parts[0], false);
        }
        String source = parts[0];
        boolean bind = source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
        return new ComposeVolume(source, parts[1], bind);
    }
}
