package dev.ludus.compiler;

import java.util.Map;

/**
 * The classes generated for a program (binary class name -> bytes) and the main module's class
 * name. Each module class has {@code public static Object $run()} (evaluates the module once and
 * returns its value) and the main module also {@code public static void main(String[])}.
 */
public record CompiledProgram(Map<String, byte[]> classes, String mainClass) {}
