package org.pledge.console.satisfaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An ECharts option as the text of a {@code <script type="application/json">} data block: JSON in which {@code <},
 * {@code >} and {@code &} are written as {@code \u003c} escapes, so that no text from a service can close the block or
 * open markup (they can only occur inside JSON strings, where the escape means the same character).
 */
final class ChartJson {

    private ChartJson() {
    }

    static String of(ObjectMapper json, Object option) {
        try {
            return json.writeValueAsString(option)
                    .replace("<", "\\u003c")
                    .replace(">", "\\u003e")
                    .replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("chart option not serialisable", e);
        }
    }
}
