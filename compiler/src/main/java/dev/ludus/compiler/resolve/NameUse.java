package dev.ludus.compiler.resolve;

/**
 * What one name use resolved to. {@code check} is true when the read may happen before the
 * binding is initialised (a late-bound name read from inside a fn, a forward-declared fn used
 * before its definition, a Cell): the generated code then panics "Unbound name: x" at the use
 * if the value is still missing. {@code self} is true when the use is, inside a named fn's own
 * body, that fn's own name (codegen reads the running closure instead of a capture).
 */
public record NameUse(Binding binding, boolean check, boolean self) {}
