package dev.lambdadeploy.cli;

import java.util.Map;

/**
 * The result of a command on stdout: {@code key=value} lines (the format of {@code $GITHUB_OUTPUT}, easy to
 * read in any shell) or one JSON object. The values are the engine's {@code LambdaResult.toMap()}: a flat map of
 * strings, numbers, booleans and nulls, so a few lines of JSON writing suffice and no JSON library is needed.
 */
final class ResultWriter {

    enum Format {
        text,
        json
    }

    private ResultWriter() {}

    static String render(Map<String, ?> result, Format format) {
        return format == Format.json ? json(result) : text(result);
    }

    static String text(Map<String, ?> result) {
        StringBuilder text = new StringBuilder();
        result.forEach((key, value) ->
                text.append(key).append('=').append(textValue(value)).append('\n'));
        return text.toString();
    }

    /** A list as its items joined by commas; a map as key:value pairs joined by commas. */
    private static String textValue(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof java.util.Collection<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        if (value instanceof Map<?, ?> map) {
            return String.join(
                    ",",
                    map.entrySet().stream()
                            .map(e -> e.getKey() + ":" + e.getValue())
                            .toList());
        }
        return value.toString();
    }

    static String json(Map<String, ?> result) {
        StringBuilder json = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, ?> entry : result.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            json.append("\n  ");
            string(json, entry.getKey());
            json.append(": ");
            value(json, entry.getValue());
        }
        return json.append(first ? "}" : "\n}").append('\n').toString();
    }

    private static void value(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Boolean) {
            json.append(value);
        } else if (value instanceof Double d && (d.isNaN() || d.isInfinite())
                || value instanceof Float f && (f.isNaN() || f.isInfinite())) {
            json.append("null");
        } else if (value instanceof Number) {
            json.append(value);
        } else if (value instanceof java.util.Collection<?> list) {
            json.append('[');
            boolean first = true;
            for (Object item : list) {
                json.append(first ? "" : ", ");
                first = false;
                value(json, item);
            }
            json.append(']');
        } else if (value instanceof Map<?, ?> map) {
            json.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                json.append(first ? "" : ", ");
                first = false;
                string(json, String.valueOf(entry.getKey()));
                json.append(": ");
                value(json, entry.getValue());
            }
            json.append('}');
        } else {
            string(json, value.toString());
        }
    }

    private static void string(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
