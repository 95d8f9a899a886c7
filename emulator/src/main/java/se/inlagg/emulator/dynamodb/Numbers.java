package se.inlagg.emulator.dynamodb;

import java.math.BigDecimal;

/** DynamoDB's number rules: 38 significant digits, magnitudes 1E-130 to under 1E+126, one canonical form. */
final class Numbers {

    private static final BigDecimal MAX = new BigDecimal("1E+126");
    private static final BigDecimal MIN = new BigDecimal("1E-130");

    private Numbers() {
    }

    static BigDecimal canonical(BigDecimal n) {
        return n.signum() == 0 ? BigDecimal.ZERO : n.stripTrailingZeros();
    }

    /** Parses a number as DynamoDB accepts it, or fails with the ValidationException DynamoDB sends. */
    static BigDecimal parse(String text) {
        BigDecimal n;
        try {
            n = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw ServiceError.validation("A value provided cannot be converted into a number");
        }
        return checked(n);
    }

    static BigDecimal checked(BigDecimal n) {
        BigDecimal c = canonical(n);
        if (c.signum() == 0) {
            return c;
        }
        if (c.precision() > 38) {
            throw ServiceError.validation("Attempting to store more than 38 significant digits in a Number");
        }
        BigDecimal abs = c.abs();
        if (abs.compareTo(MAX) >= 0) {
            throw ServiceError.validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        if (abs.compareTo(MIN) < 0) {
            throw ServiceError.validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
        }
        return c;
    }

    /** The text DynamoDB answers with: no exponent, no trailing zeros. */
    static String text(BigDecimal n) {
        return n.toPlainString();
    }
}
