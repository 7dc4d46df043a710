package dev.ludus.runtime.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
    private static final List<String> NAMES = List.of("eq?", "print!", "first", "filter", "count", "nil", "square");

    @Test
    void typosFindTheirName() {
        assertEquals("eq?", Suggest.closest("eqq?", NAMES));
        assertEquals("eq?", Suggest.closest("eq", NAMES)); // the missing ? costs nothing
        assertEquals("print!", Suggest.closest("print", NAMES));
        assertEquals("first", Suggest.closest("frist", NAMES)); // swapped neighbours: one edit
        assertEquals("filter", Suggest.closest("filtr", NAMES));
        assertEquals("nil", Suggest.closest("nul", NAMES));
        assertEquals("square", Suggest.closest("Square", NAMES));
    }

    @Test
    void farOrShortNamesFindNothing() {
        assertNull(Suggest.closest("frobnicate", NAMES));
        assertNull(Suggest.closest("x", List.of("y", "z")));
        assertNull(Suggest.closest("abc", List.of("xyz")));
    }

    @Test
    void earlierCandidatesWinTies() {
        assertEquals("cat", Suggest.closest("cot", List.of("cat", "cut")));
        assertEquals("cut", Suggest.closest("cot", List.of("cut", "cat")));
    }

    @Test
    void distanceIsOptimalStringAlignment() {
        assertEquals(0, Suggest.distance("abc", "abc", 5));
        assertEquals(1, Suggest.distance("abc", "acb", 5));
        assertEquals(3, Suggest.distance("kitten", "sitting", 5));
        assertEquals(2, Suggest.distance("kitten", "sitting", 1)); // capped at limit + 1
    }
}
