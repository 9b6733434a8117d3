package dev.gastown.cli.agent;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The scripted agent's terminal. Input arrives one message per submit; a paste (bracketed, which the agent asks
 * for) may span lines and becomes one message. Echo is off, so the agent shows each message itself. When waiting
 * it shows the same idle prompt agent CLIs do ({@code ❯ }), and while working a busy line with
 * {@code esc to interrupt}, so the town's idle detection reads it like any other agent.
 */
final class Terminal {
    static final String PROMPT = "❯ ";
    private static final String PASTE_START = "\u001b[200~";
    private static final String PASTE_END = "\u001b[201~";

    private static final String STATUS = "✻ Working… (esc to interrupt)";
    private static final String ERASE_LINE = "\r\u001b[2K";

    private final BufferedReader in;
    private final PrintStream out;
    private boolean busy;

    Terminal(java.io.InputStream in, PrintStream out) {
        this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.out = out;
    }

    /**
     * Turns echo off, canonical line editing off (the kernel's line discipline would cut a 10 KB paste at 4 KB) and
     * bracketed paste on, when stdin is a terminal.
     */
    void setUp() {
        if (System.console() != null) {
            try {
                new ProcessBuilder("stty", "-echo", "-icanon").redirectInput(ProcessBuilder.Redirect.INHERIT).start()
                        .waitFor();
            } catch (IOException e) {
                // without stty the agent still works; typed text is just echoed twice
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.print("\u001b[?2004h");
        }
    }

    /** The next submitted message, or empty at end of input. */
    Optional<String> read() throws IOException {
        StringBuilder msg = new StringBuilder();
        boolean inPaste = false;
        while (true) {
            String line = in.readLine();
            if (line == null) {
                return msg.length() == 0 ? Optional.empty() : Optional.of(msg.toString());
            }
            int start = line.indexOf(PASTE_START);
            if (start >= 0) {
                inPaste = true;
                line = line.substring(0, start) + line.substring(start + PASTE_START.length());
            }
            int end = line.indexOf(PASTE_END);
            if (end >= 0) {
                inPaste = false;
                line = line.substring(0, end) + line.substring(end + PASTE_END.length());
            }
            if (msg.length() > 0) {
                msg.append('\n');
            }
            msg.append(line);
            if (!inPaste) {
                return Optional.of(msg.toString());
            }
        }
    }

    /** Ends a turn: the working status line goes away and the idle prompt shows. */
    void prompt() {
        clearStatus();
        busy = false;
        out.print("\n" + PROMPT);
        out.flush();
    }

    /** Starts a turn: a status line at the bottom says the agent is working until {@link #prompt()}. */
    void busy() {
        busy = true;
        out.print(STATUS);
        out.flush();
    }

    void say(String text) {
        clearStatus();
        out.println(text);
        if (busy) {
            out.print(STATUS);
        }
        out.flush();
    }

    private void clearStatus() {
        if (busy) {
            out.print(ERASE_LINE);
        }
    }

    /** Shows the received message the way agent CLIs echo a submitted prompt. */
    void received(String message) {
        String[] lines = message.split("\n", -1);
        say("> " + lines[0] + (lines.length > 1 ? " [+" + (lines.length - 1) + " lines]" : ""));
    }
}
