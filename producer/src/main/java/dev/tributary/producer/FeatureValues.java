package dev.tributary.producer;

import dev.tributary.common.data.ExampleCodec;
import dev.tributary.common.data.MalformedRecordException;
import dev.tributary.common.data.MalformedRecordException.Kind;

/** What a feature value of a data set may be, whatever the file's format. */
final class FeatureValues {

    private FeatureValues() {
    }

    /**
     * @param text  the value as written
     * @param where the column or attribute, as a reason names it ({@code column 'f2'})
     * @return the number
     * @throws MalformedRecordException if it is not a finite number, or is larger in magnitude
     *                                  than {@link ExampleCodec#MAX_MAGNITUDE}
     */
    static double parse(String text, String where) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new MalformedRecordException(Kind.NOT_A_NUMBER, where + ": '" + MalformedRecordException.abbreviate(text)
                    + "' is not a number");
        }
        if (!Double.isFinite(value)) {
            throw new MalformedRecordException(Kind.NOT_A_NUMBER, where + ": '" + MalformedRecordException.abbreviate(text)
                    + "' is not a finite number");
        }
        if (Math.abs(value) > ExampleCodec.MAX_MAGNITUDE) {
            throw new MalformedRecordException(Kind.OUT_OF_RANGE, where + ": '" + MalformedRecordException.abbreviate(text)
                    + "' is larger in magnitude than " + ExampleCodec.MAX_MAGNITUDE);
        }
        return value;
    }
}
