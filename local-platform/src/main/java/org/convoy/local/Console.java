package org.convoy.local;

import java.io.PrintStream;
import java.util.List;

/** What the person who started the platform reads: progress, URLs, and each process's lines under its name. */
final class Console {

    private static final List<String> COLOURS = List.of("\u001B[36m", "\u001B[35m", "\u001B[33m", "\u001B[32m",
            "\u001B[34m", "\u001B[31m");
    private static final String RESET = "\u001B[0m";
    private static final String BOLD = "\u001B[1m";

    private final PrintStream out;
    private final boolean colour;
    private final int width;

    Console(PrintStream out, boolean colour) {
        this.out = out;
        this.colour = colour;
        this.width = PlatformConfig.SERVICES.stream().mapToInt(String::length).max().orElse(10);
    }

    /** A line from the launcher itself. */
    void say(String message) {
        line("convoy", message, -1);
    }

    /** A line that a process printed, under its name. */
    void processLine(String process, int index, String text) {
        line(process, text, index);
    }

    void headline(String message) {
        synchronized (out) {
            out.println(colour ? BOLD + message + RESET : message);
        }
    }

    private void line(String name, String text, int index) {
        String padded = String.format("%-" + width + "s", name);
        String prefix = colour && index >= 0 ? COLOURS.get(index % COLOURS.size()) + padded + " |" + RESET
                : colour ? BOLD + padded + " |" + RESET : padded + " |";
        synchronized (out) {
            out.println(prefix + " " + text);
        }
    }
}
