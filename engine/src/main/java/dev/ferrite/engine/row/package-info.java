/**
 * Byte encodings of rows and keys: {@link dev.ferrite.engine.row.KeyCodec} (order-preserving,
 * so a storage tree's byte order is SQL order) and {@link dev.ferrite.engine.row.RowCodec}
 * (compact row values).
 */
package dev.ferrite.engine.row;
