package dev.ludus.playground;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON the playground speaks (requests, results, the worker protocol): parse to
 * maps, lists, strings, doubles, booleans and null; write strings with every control character
 * escaped, so that one result is always one line.
 */
public final class Json {
    private Json() {}

    /** A malformed document. */
    public static final class Malformed extends Exception {
        Malformed(String message) { super(message); }
    }

    public static Object parse(String text) throws Malformed {
        Json.Reader r = new Json.Reader(text);
        r.space();
        Object v = r.value(0);
        r.space();
        if (r.i != text.length()) throw new Malformed("unexpected text after the JSON value");
        return v;
    }

    /** Parses a JSON object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(String text) throws Malformed {
        if (parse(text) instanceof Map<?, ?> m) return (Map<String, Object>) m;
        throw new Malformed("expected a JSON object");
    }

    /** {@code "text"} with JSON escapes (null gives {@code null}). */
    public static String quote(String s) {
        if (s == null) return "null";
        StringBuilder b = new StringBuilder(s.length() + 16).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    // also U+2028/9, which some JavaScript parsers treat as line ends
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    /** Writes a flat object: values are strings, numbers, booleans or null. */
    public static String write(Map<String, ?> fields) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<String, ?> e : fields.entrySet()) {
            if (b.length() > 1) b.append(',');
            b.append(quote(e.getKey())).append(':');
            Object v = e.getValue();
            if (v == null) b.append("null");
            else if (v instanceof String s) b.append(quote(s));
            else if (v instanceof Number || v instanceof Boolean) b.append(v);
            else throw new IllegalArgumentException("unsupported JSON value: " + v.getClass());
        }
        return b.append('}').toString();
    }

    private static final class Reader {
        final String s;
        int i;

        Reader(String s) { this.s = s; }

        void space() {
            while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
        }

        Object value(int depth) throws Malformed {
            if (depth > 64) throw new Malformed("JSON nested too deeply");
            if (i >= s.length()) throw new Malformed("unexpected end of JSON");
            char c = s.charAt(i);
            if (c == '{') return object(depth);
            if (c == '[') return array(depth);
            if (c == '"') return string();
            if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
            if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
            if (s.startsWith("null", i)) { i += 4; return null; }
            return number();
        }

        Map<String, Object> object(int depth) throws Malformed {
            Map<String, Object> m = new LinkedHashMap<>();
            i++;
            space();
            if (peek('}')) { i++; return m; }
            while (true) {
                space();
                if (!peek('"')) throw new Malformed("expected a string key at " + i);
                String k = string();
                space();
                expect(':');
                space();
                m.put(k, value(depth + 1));
                space();
                if (peek(',')) { i++; continue; }
                expect('}');
                return m;
            }
        }

        List<Object> array(int depth) throws Malformed {
            List<Object> l = new ArrayList<>();
            i++;
            space();
            if (peek(']')) { i++; return l; }
            while (true) {
                space();
                l.add(value(depth + 1));
                space();
                if (peek(',')) { i++; continue; }
                expect(']');
                return l;
            }
        }

        String string() throws Malformed {
            i++;
            StringBuilder b = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i++);
                if (c == '"') return b.toString();
                if (c != '\\') { b.append(c); continue; }
                if (i >= s.length()) break;
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        if (i + 4 > s.length()) throw new Malformed("bad \\u escape");
                        try {
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        } catch (NumberFormatException x) {
                            throw new Malformed("bad \\u escape");
                        }
                        i += 4;
                    }
                    default -> b.append(e); // \" \\ \/
                }
            }
            throw new Malformed("unterminated string");
        }

        Double number() throws Malformed {
            int start = i;
            while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
            try {
                return Double.parseDouble(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw new Malformed("unexpected character at " + start);
            }
        }

        boolean peek(char c) { return i < s.length() && s.charAt(i) == c; }

        void expect(char c) throws Malformed {
            if (!peek(c)) throw new Malformed("expected '" + c + "' at " + i);
            i++;
        }
    }
}
