/**
 * The monitor's HTTP side: {@code /health}, {@code /ready} and {@code /metrics} (Prometheus text from Micrometer) on
 * the JDK {@link com.sun.net.httpserver.HttpServer}, bound to 127.0.0.1 unless told otherwise.
 */
package io.github.escmon.app.http;
