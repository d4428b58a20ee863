/**
 * SQL types and values: the type enum, column types with precision and scale, and {@link
 * dev.ferrite.engine.type.Values}, the one place that converts, compares and casts values.
 */
package dev.ferrite.engine.type;
