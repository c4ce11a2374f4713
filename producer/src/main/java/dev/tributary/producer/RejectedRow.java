package dev.tributary.producer;

import dev.tributary.common.data.MalformedRecordException;

/**
 * A line of a data set that is not a usable row, as the dead-letter topic receives it.
 *
 * @param bytes  the line exactly as in the file, bytes that are not UTF-8 included
 * @param source {@code location:line}
 * @param kind   what rejections are counted by
 * @param reason why, naming the column and quoting the value
 */
public record RejectedRow(byte[] bytes, String source, MalformedRecordException.Kind kind, String reason) {
}
