package dev.tributary.producer;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ArffSpec;
import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.config.SplitConfig;
import dev.tributary.common.data.DatasetFiles;

import java.io.IOException;

/** A data set in a file, CSV or ARFF: where it is, and how its header is read. */
sealed interface DatasetFile permits DatasetFile.Csv, DatasetFile.Arff {

    /** @return a file path, or {@code classpath:/path} */
    String location();

    /** @return what it is, for logs and progress */
    String describe();

    /** @return the longest line read as a row (see {@link dev.tributary.common.config.SplitConfig#maxLineBytes()}) */
    int maxLineBytes();

    /**
     * @param reader the file, at its first line
     * @return the parser of its rows; the reader is left at the first line after the header
     * @throws TributaryException if the header is unusable (naming its line), or the file cannot be read
     */
    RowParser readHeader(LineReader reader) throws IOException;

    /** @return the file opened at its first line, for the caller to close */
    default LineReader open() {
        return new LineReader(DatasetFiles.openStream(location()), location(), maxLineBytes());
    }

    /**
     * @return the parser of its rows, from the header alone
     * @throws TributaryException if the header is unusable, or the file cannot be read
     */
    default RowParser header() {
        try (LineReader reader = open()) {
            return readHeader(reader);
        } catch (IOException e) {
            throw new TributaryException("cannot read data set " + location() + ": " + e, e);
        }
    }

    /**
     * A CSV file (or a built-in data set); its header, if any, is its first line that is not blank.
     *
     * @param spec         where it is and how to read it
     * @param maxLineBytes the longest line read as a row
     */
    record Csv(DatasetSpec spec, int maxLineBytes) implements DatasetFile {

        /** @param spec where it is and how to read it, with the default line limit */
        public Csv(DatasetSpec spec) {
            this(spec, SplitConfig.DEFAULT_MAX_LINE_BYTES);
        }

        @Override
        public String location() {
            return spec.location();
        }

        @Override
        public String describe() {
            return "data set " + spec.name();
        }

        @Override
        public RowParser readHeader(LineReader reader) throws IOException {
            CsvLayout layout = CsvLayout.resolve(spec, maxLineBytes);
            if (spec.hasHeader()) {
                LineReader.Line line;
                do {
                    line = reader.nextHeader();
                } while (line != null && line.text().isBlank());
            }
            return new CsvRowParser(spec, layout);
        }
    }

    /**
     * An ARFF file: its header runs to its {@code @data} line.
     *
     * @param spec         where it is and which attribute is the class
     * @param maxLineBytes the longest line read as a row
     */
    record Arff(ArffSpec spec, int maxLineBytes) implements DatasetFile {

        /** @param spec where it is and which attribute is the class, with the default line limit */
        public Arff(ArffSpec spec) {
            this(spec, SplitConfig.DEFAULT_MAX_LINE_BYTES);
        }

        @Override
        public String location() {
            return spec.location();
        }

        @Override
        public String describe() {
            return "ARFF " + spec.location();
        }

        @Override
        public RowParser readHeader(LineReader reader) throws IOException {
            return new ArffRowParser(ArffHeader.read(reader, spec.location()), spec);
        }
    }
}
