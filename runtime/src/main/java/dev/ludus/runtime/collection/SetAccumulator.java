package dev.ludus.runtime.collection;

/**
 * The set a fold builds in place (the compiler's DictFolds, Invoke.dictFold): its lambda's
 * {@code append} on the accumulator adds to a builder's hash table instead of copying a path of
 * the persistent set each time. Never seen by a program: the lambda uses the accumulator only
 * for that call or passes it on, and the fold hands back {@link #toSet}, the set the persistent
 * calls would have built (the same elements, in the order they first came).
 */
public final class SetAccumulator {
    private final LSet.Builder elements = LSet.builder();

    public SetAccumulator(LSet start) {
        start.forEach(elements::add);
    }

    /** append (acc, x). */
    public SetAccumulator add(Object x) {
        elements.add(x);
        return this;
    }

    public LSet toSet() {
        return elements.build();
    }
}
