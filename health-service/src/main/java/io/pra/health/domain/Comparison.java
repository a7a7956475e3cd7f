package io.pra.health.domain;

import java.util.Arrays;
import java.util.Optional;

/** How a PromQL sample is compared with the configured threshold. */
public enum Comparison {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=="), NE("!=");

    private final String symbol;

    Comparison(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether {@code value <this> threshold} holds; NaN never satisfies a comparison but {@code !=}. */
    public boolean holds(double value, double threshold) {
        return switch (this) {
            case LT -> value < threshold;
            case LE -> value <= threshold;
            case GT -> value > threshold;
            case GE -> value >= threshold;
            case EQ -> value == threshold;
            case NE -> value != threshold;
        };
    }

    public static Optional<Comparison> fromSymbol(String symbol) {
        return Arrays.stream(values()).filter(c -> c.symbol.equals(symbol == null ? null : symbol.trim())).findFirst();
    }
}
