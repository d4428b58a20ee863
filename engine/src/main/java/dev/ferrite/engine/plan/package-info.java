/**
 * Planning with Calcite as a library: parse (our generated parser), validate against a schema
 * mirroring one catalog version, convert to relational algebra, rewrite with Hep programs
 * (subqueries to joins, decorrelation, filter push-down), then translate the logical plan into
 * our {@link dev.ferrite.engine.exec.PlanNode}s, choosing index access paths, join algorithms
 * and sort elimination here ({@link dev.ferrite.engine.plan.PhysicalPlanner}). No Calcite object
 * survives planning: the cached plan holds only our nodes and compiled expressions.
 */
package dev.ferrite.engine.plan;
