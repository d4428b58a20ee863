/**
 * The JDBC driver, {@code jdbc:ferrite:}, over the engine's session API.
 *
 * <p>Entry points: {@link dev.ferrite.jdbc.FerriteDriver} (found by DriverManager through
 * {@code META-INF/services}), {@link dev.ferrite.jdbc.FerriteDataSource} and {@link
 * dev.ferrite.jdbc.FerriteConnectionPoolDataSource}. A {@link dev.ferrite.jdbc.FerriteConnection}
 * wraps one engine {@code Session}; statements prepare SQL through it and read rows from the
 * engine's cursors ({@code CursorResultSet}) or from memory ({@code ListResultSet}, for
 * scrollable results, generated keys and metadata). Engine failures become SQLExceptions in one
 * place, {@code SqlExceptions}, by SQLSTATE class.
 */
package dev.ferrite.jdbc;
