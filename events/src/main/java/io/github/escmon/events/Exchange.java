package io.github.escmon.events;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A tit-for-tat exchange: {@code response}, a hostile act {@code from → to}, answered {@code provocation}, the
 * latest hostile act the other way at most L hours earlier. {@code ratio} > 1 means the response was harder.
 */
@JsonPropertyOrder({"provocation", "response", "from", "to", "lagHours", "ratio"})
public record Exchange(String provocation, String response, String from, String to, double lagHours, double ratio) {
}
