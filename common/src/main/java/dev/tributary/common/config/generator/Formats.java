package dev.tributary.common.config.generator;

import java.math.BigDecimal;

/** Number formatting for the one-line descriptions: exact decimals, no locale, no exponent. */
final class Formats {

    private Formats() {
    }

    /**
     * @param fraction a probability, such as 0.1
     * @return it as a percentage without trailing zeros, such as {@code 10%} or {@code 12.5%}
     */
    static String percent(double fraction) {
        return plain(BigDecimal.valueOf(fraction).movePointRight(2)) + "%";
    }

    /**
     * @param value a finite number
     * @return its shortest decimal form, such as {@code 0.001} or {@code 2}
     */
    static String number(double value) {
        return plain(BigDecimal.valueOf(value));
    }

    private static String plain(BigDecimal value) {
        // BigDecimal rather than String.format: the shortest exact form, whatever the default locale.
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
