package dev.ludus.compiler.syntax;

/** The first lexical error of a file: where (one character) and the spec §11 message. */
record LexError(int line, int col, String message) {}
