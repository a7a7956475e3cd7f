package io.pra.cli.scenario;

/** A scenario that cannot be run: says where (line) and why, before anything starts. */
public final class ScenarioException extends RuntimeException {

    private final String source;
    private final int line;

    public ScenarioException(String source, int line, String reason) {
        super(source + (line > 0 ? ":" + line : "") + ": " + reason);
        this.source = source;
        this.line = line;
    }

    public String source() {
        return source;
    }

    /** 1-based line of the offending entry, 0 when the file as a whole is wrong. */
    public int line() {
        return line;
    }
}
