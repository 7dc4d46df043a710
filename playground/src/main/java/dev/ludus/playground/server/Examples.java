package dev.ludus.playground.server;

import dev.ludus.playground.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * The examples menu: the programs of the repository's {@code examples/} and a few turtle classics,
 * packed into the jar under {@code web/examples/} in {@link #NAMES} order
 * (classics first: a newcomer wants to draw).
 */
final class Examples {
    private Examples() {}

    static final String[] NAMES = {"spiral", "flower", "tree", "snowflake", "turtle-star", "turtle-square",
        "hello", "fizzbuzz", "closures", "lists", "wordcount"};

    private static volatile String json;

    static String json() throws IOException {
        String j = json;
        if (j != null) return j;
        StringBuilder b = new StringBuilder("[");
        for (String name : NAMES) {
            try (InputStream in = Examples.class.getResourceAsStream(Assets.ROOT + "examples/" + name + ".ld")) {
                if (in == null) continue;
                if (b.length() > 1) b.append(',');
                b.append("{\"name\":").append(Json.quote(name)).append(",\"source\":")
                        .append(Json.quote(new String(in.readAllBytes(), StandardCharsets.UTF_8))).append('}');
            }
        }
        json = j = b.append(']').toString();
        return j;
    }
}
