/**
 * Statement preparation and the plan cache: the plan types a session runs, and the planning of
 * one statement from SQL text ({@link dev.ferrite.engine.session.StatementPlanner}).
 */
package dev.ferrite.engine.session;
