package io.github.escmon.producer.gdelt;

import io.github.escmon.events.InvalidIncidentException;

/**
 * Restores the leading zeros of an EventCode that went through a number column ({@code 40} for {@code 040},
 * {@code 231} for {@code 0231}), from its EventRootCode, which names the first two digits of every code under
 * it ({@code 04}, {@code 02}; itself stored as {@code 4}, {@code 2}).
 */
final class CameoCode {

    private static final int MAX_DIGITS = 4;

    private CameoCode() {
    }

    /**
     * The code with zeros put back until it starts with its zero-padded root. A code without a (numeric) root
     * is returned as it is, for the validator to judge.
     *
     * @throws InvalidIncidentException (field EventCode) when no padding puts the code under its root
     */
    static String restore(String eventCode, String rootCode) {
        if (!isDigits(eventCode) || !isDigits(rootCode) || rootCode.length() > 2) {
            return eventCode;
        }
        String root = rootCode.length() == 1 ? "0" + rootCode : rootCode;
        String code = eventCode;
        while (!code.startsWith(root) && code.length() < MAX_DIGITS) {
            code = "0" + code;
        }
        if (!code.startsWith(root)) {
            throw GdeltColumn.EVENT_CODE.invalid(GdeltColumn.quoted(eventCode) + " is not a code under its EventRootCode "
                    + GdeltColumn.quoted(rootCode));
        }
        return code;
    }

    private static boolean isDigits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
