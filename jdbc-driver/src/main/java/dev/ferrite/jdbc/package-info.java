/**
 * The JDBC driver ({@code jdbc:ferrite:}) over the engine's session API. Not written yet (issue 5).
 */
package dev.ferrite.jdbc;
