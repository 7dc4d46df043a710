package dev.ludus.runtime.value;

/**
 * Holds a local binding that a closure captures before the binding has run (late binding,
 * spec §4). value stays Java null until the binding executes.
 */
public final class Cell {
    public Object value;
}
