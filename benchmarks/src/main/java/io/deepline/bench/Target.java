package io.deepline.bench;

import java.util.Locale;

/** A figure's goal from issue 10: at least or at most a value. */
public record Target(boolean atLeast, double value) {

    public static Target atLeast(double value) {
        return new Target(true, value);
    }

    public static Target atMost(double value) {
        return new Target(false, value);
    }

    public boolean isMetBy(double measured) {
        return atLeast ? measured >= value : measured <= value;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %s", atLeast ? "≥" : "≤", Figure.format(value));
    }
}
