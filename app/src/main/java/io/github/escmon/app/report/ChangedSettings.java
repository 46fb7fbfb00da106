package io.github.escmon.app.report;

import io.github.escmon.app.config.EscmonConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings that change what a run computes (score, alert, incident and source rules) and differ from
 * the defaults. Topic names, state directories and Kafka client settings (which may hold credentials) are
 * never shown.
 */
public final class ChangedSettings {

    private static final String[] SHOWN = {"score.", "alert.", "incident.", "source."};

    private ChangedSettings() {
    }

    public static Map<String, String> of(EscmonConfig config) {
        Map<String, String> changed = new LinkedHashMap<>();
        config.asMap().forEach((key, value) -> {
            String standard = EscmonConfig.DEFAULTS.get(key);
            if (standard != null && !standard.equals(value) && shown(key)) {
                changed.put(key, value);
            }
        });
        return changed;
    }

    private static boolean shown(String key) {
        for (String prefix : SHOWN) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
