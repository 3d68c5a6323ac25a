package org.skytools.londiste.obfuscate;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * A JSON number as the Python obfuscate handler sees it after {@code json.loads}: an integer
 * literal becomes an exact int, anything with a fraction or an exponent a float (a double). What
 * {@code json.dumps} and {@code repr} then write differs from the JSON text: {@code 1.50} comes
 * back as {@code 1.5}, {@code 1E2} as {@code 100.0}, {@code 0.00001} as {@code 1e-05}.
 */
final class PythonNumber {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]+");
    private static final RoundingMode[] ROUNDINGS = {RoundingMode.HALF_EVEN, RoundingMode.FLOOR, RoundingMode.CEILING};

    private PythonNumber() {}

    /** Whether {@code json.loads} reads the text as an int rather than a float. */
    static boolean isInteger(String text) {
        return INTEGER.matcher(text).matches();
    }

    /** What {@code json.dumps} writes for the number {@code json.loads} read from {@code text}. */
    static String dumps(String text) {
        if (isInteger(text)) {
            return new BigInteger(text).toString();
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return repr(d);
    }

    /** Python's {@code repr} of the number read from {@code text} ({@code %r}, what the hashes take). */
    static String repr(String text) {
        return isInteger(text) ? new BigInteger(text).toString() : repr(Double.parseDouble(text));
    }

    /** Python's truth of the number read from {@code text}. */
    static boolean truthy(String text) {
        return isInteger(text) ? new BigInteger(text).signum() != 0 : Double.parseDouble(text) != 0;
    }

    /**
     * Python's {@code repr} of a float: the shortest digits that read back as the same double,
     * positional when the decimal exponent is from -4 to 15 (with {@code .0} on whole numbers),
     * else as {@code 1.5e-07} or {@code 1e+16}.
     */
    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(d).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent >= -4 && exponent <= 15) {
            String plain = shortest.abs().toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        String exp = String.format("%02d", Math.abs(exponent));
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
    }

    // the fewest significant digits that read back as d, the nearest to d among those
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        for (int precision = 1; precision <= 17; precision++) {
            BigDecimal best = null;
            for (RoundingMode mode : ROUNDINGS) {
                BigDecimal r = exact.round(new MathContext(precision, mode));
                if (r.doubleValue() == d
                        && (best == null
                                || r.subtract(exact)
                                                .abs()
                                                .compareTo(best.subtract(exact).abs())
                                        < 0)) {
                    best = r;
                }
            }
            if (best != null) {
                return best;
            }
        }
        return exact;
    }
}
