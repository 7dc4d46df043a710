package dev.ludus.compiler.emit;

/**
 * Where the values a clause list dispatches on live: fixed argument slots (count known at
 * compile time), an Object[] in one slot (count known at run time), or one value (match).
 */
record ArgSource(int[] slots, int arraySlot, int valueSlot) {
    static ArgSource slots(int[] slots) { return new ArgSource(slots, -1, -1); }
    static ArgSource array(int slot) { return new ArgSource(null, slot, -1); }
    static ArgSource value(int slot) { return new ArgSource(null, -1, slot); }

    boolean isValue() { return valueSlot >= 0; }
    boolean isFixed() { return slots != null; }
}
