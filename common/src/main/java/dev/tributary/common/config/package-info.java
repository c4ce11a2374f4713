/**
 * The typed configuration of a run, in one place: immutable records with their defaults
 * and units beside them, validated when they are built so that a bad value is rejected
 * (naming the field) before any connection opens. The CLI and, later, scenario files only
 * fill these records in.
 */
package dev.tributary.common.config;
