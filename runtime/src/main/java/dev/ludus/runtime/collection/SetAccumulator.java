package dev.ludus.runtime.collection;

/**
 * The set a fold builds in place (the compiler's DictFolds, Invoke.dictFold): its lambda's
 * {@code append} on the accumulator adds to a builder's hash table instead of copying a path of
 * the persistent set each time. Never seen by a program: the lambda uses the accumulator only
 * for that call or passes it on, and the fold hands back {@link #toSet}, the set the persistent
 * calls would have built (the same elements, in the order they first came).
 *
 * <p>A large set given as init is copied into the builder only once the fold has appended
 * enough elements for that to pay ({@link Champ#rebuildPays}): until then the appends are the
 * persistent ones, so a fold of a few elements onto a large set does not cost a copy of it.
 */
public final class SetAccumulator {
    private LSet set;                 // until the builder takes over
    private LSet.Builder elements;
    private int appends;

    public SetAccumulator(LSet start) {
        set = start;
    }

    /** append (acc, x). */
    public SetAccumulator add(Object x) {
        if (elements != null) {
            elements.add(x);
        } else if (Champ.rebuildPays(++appends, set.size())) {
            elements = LSet.builder();
            set.forEach(elements::add);
            elements.add(x);
            set = null;
        } else {
            set = set.add(x);
        }
        return this;
    }

    public LSet toSet() {
        return elements != null ? elements.build() : set;
    }
}
