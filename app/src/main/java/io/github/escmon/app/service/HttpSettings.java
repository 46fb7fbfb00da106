package io.github.escmon.app.service;

/**
 * Where a process serves HTTP.
 *
 * @param bind       the address to bind (127.0.0.1 by default; 0.0.0.0 for every interface)
 * @param port       the port (0: a free one)
 * @param fallback   whether a taken port may be replaced by a free one (the default port may; a chosen one not)
 * @param advertise  {@code host:port} other instances reach this one at (interactive queries), or null to derive
 *                   it from the bound address
 */
public record HttpSettings(String bind, int port, boolean fallback, String advertise) {
}
