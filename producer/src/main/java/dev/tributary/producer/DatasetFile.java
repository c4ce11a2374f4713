package dev.tributary.producer;

import dev.tributary.common.TributaryException;
import dev.tributary.common.config.ArffSpec;
import dev.tributary.common.config.DatasetSpec;
import dev.tributary.common.data.DatasetFiles;

import java.io.IOException;

/** A data set in a file, CSV or ARFF: where it is, and how its header is read. */
sealed interface DatasetFile permits DatasetFile.Csv, DatasetFile.Arff {

    /** @return a file path, or {@code classpath:/path} */
    String location();

    /** @return what it is, for logs and progress */
    String describe();

    /**
     * @param reader the file, at its first line
     * @return the parser of its rows; the reader is left at the first line after the header
     * @throws TributaryException if the header is unusable (naming its line), or the file cannot be read
     */
    RowParser readHeader(LineReader reader) throws IOException;

    /** @return the file opened at its first line, for the caller to close */
    default LineReader open() {
        return new LineReader(DatasetFiles.openStream(location()));
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
     * @param spec where it is and how to read it
     */
    record Csv(DatasetSpec spec) implements DatasetFile {
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
            CsvLayout layout = CsvLayout.resolve(spec);
            if (spec.hasHeader()) {
                LineReader.Line line;
                do {
                    line = reader.next();
                } while (line != null && line.text().isBlank());
            }
            return new CsvRowParser(spec, layout);
        }
    }

    /**
     * An ARFF file: its header runs to its {@code @data} line.
     *
     * @param spec where it is and which attribute is the class
     */
    record Arff(ArffSpec spec) implements DatasetFile {
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
