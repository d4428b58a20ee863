package dev.ferrite.engine.plan;

import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.ParameterMetadata;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.catalog.ColumnDef;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.catalog.ViewDef;
import dev.ferrite.engine.expr.RelTypes;
import dev.ferrite.engine.parse.impl.FerriteSqlParserImpl;
import dev.ferrite.engine.table.TableCodec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.ToLongFunction;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgram;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.rules.CoreRules;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Turns one SQL statement into an optimized logical plan against one catalog version. A new
 * planner is made per statement (Calcite planners are not thread-safe); the result is cached by
 * the session as our own plan, never as Calcite objects.
 *
 * <p>Pipeline: parse → validate → SqlToRel (subqueries kept as RexSubQuery) → Hep: subqueries to
 * correlates (not decorrelated) → greedy join order when there are three or more inner joins
 * ({@link JoinOrder}) → Hep: push filters into joins and scans, merge projects.
 */
public final class SqlPlanner implements RelOptTable.ViewExpander {
  /** Parser settings: our generated parser, lenient conformance, unquoted names upper-cased. */
  public static final SqlParser.Config PARSER_CONFIG = SqlParser.config()
      .withParserFactory(FerriteSqlParserImpl.FACTORY)
      .withConformance(SqlConformanceEnum.LENIENT)
      .withIdentifierMaxLength(256);

  private static final SqlOperatorTable OPERATORS = SqlOperatorTables.chain(
      SqlStdOperatorTable.instance(),
      SqlOperatorTables.of(SqlLibraryOperators.IFNULL, SqlLibraryOperators.NVL,
          SqlLibraryOperators.LENGTH, SqlLibraryOperators.SUBSTR_MYSQL, SqlLibraryOperators.CONCAT_FUNCTION,
          SqlLibraryOperators.GREATEST, SqlLibraryOperators.LEAST));

  private static final HepProgram SUBQUERIES = HepProgram.builder()
      .addRuleInstance(CoreRules.FILTER_SUB_QUERY_TO_CORRELATE)
      .addRuleInstance(CoreRules.PROJECT_SUB_QUERY_TO_CORRELATE)
      .addRuleInstance(CoreRules.JOIN_SUB_QUERY_TO_CORRELATE)
      .build();

  /** Subqueries stay expressions until {@link #SUBQUERIES} turns them into correlates. */
  private static final SqlToRelConverter.Config TO_REL = SqlToRelConverter.config()
      .withExpand(false).withTrimUnusedFields(false).withCreateValuesRel(false)
      .withInSubQueryThreshold(Integer.MAX_VALUE);

  /**
   * For statements with a subquery in a select list: the builder must not merge projects while converting.
   * Merging a select list into the project that restores a join's fields (after join
   * conditions with casts are pushed down) moves the field positions that correlation
   * variables of select-list subqueries still point at.
   */
  private static final SqlToRelConverter.Config TO_REL_UNMERGED =
      TO_REL.withRelBuilderConfigTransform(c -> c.withBloat(-1));

  /** Plans with this many inner joins get {@link JoinOrder}'s greedy order. */
  private static final int MIN_JOINS_TO_REORDER = 3;

  private static final HepProgram REWRITES = HepProgram.builder()
      .addRuleInstance(CoreRules.FILTER_INTO_JOIN)
      .addRuleInstance(CoreRules.JOIN_CONDITION_PUSH)
      .addRuleInstance(CoreRules.JOIN_PUSH_EXPRESSIONS)
      .addRuleInstance(CoreRules.FILTER_MERGE)
      .addRuleInstance(CoreRules.FILTER_PROJECT_TRANSPOSE)
      .addRuleInstance(CoreRules.FILTER_AGGREGATE_TRANSPOSE)
      .addRuleInstance(CoreRules.PROJECT_MERGE)
      .addRuleInstance(CoreRules.PROJECT_REMOVE)
      .build();

  private final Catalog catalog;
  private final int maxKeyLength;
  private final ToLongFunction<String> rowCounts;
  private final RelDataTypeFactory typeFactory = new JavaTypeFactoryImpl(EngineTypeSystem.INSTANCE);
  private final CalciteCatalogReader catalogReader;
  private final RelOptCluster cluster;
  private final Map<String, TableCodec> codecs = new HashMap<>();

  /**
   * Creates a planner over {@code catalog}; {@code rowCounts} gives the current row count of a
   * table's tree (planner statistics).
   */
  public SqlPlanner(Catalog catalog, int maxKeyLength, ToLongFunction<String> rowCounts) {
    this.catalog = catalog;
    this.maxKeyLength = maxKeyLength;
    this.rowCounts = rowCounts;
    CalciteSchema root = CalciteSchema.createRootSchema(false, false);
    root.add(Catalog.SCHEMA, new AbstractSchema() {
      @Override protected Map<String, Table> getTableMap() {
        Map<String, Table> tables = new HashMap<>();
        for (TableDef t : catalog.tables().values()) {
          tables.put(t.name(), new EngineTable(t, codec(t), rowCounts.applyAsLong(t.treeName())));
        }
        for (ViewDef v : catalog.views().values()) {
          tables.put(v.name(), new EngineView(v, SqlPlanner.this));
        }
        return tables;
      }
    });
    Properties props = new Properties();
    props.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
    CalciteConnectionConfig config = new CalciteConnectionConfigImpl(props);
    catalogReader = new CalciteCatalogReader(root, List.of(Catalog.SCHEMA), typeFactory, config);
    HepPlanner hep = new HepPlanner(REWRITES);
    // No constant folding through Calcite's executor: it compiles Java code with Janino for
    // every expression it folds. Expressions stay as written and our compiler evaluates them.
    hep.setExecutor((rexBuilder, constExps, reducedValues) -> reducedValues.addAll(constExps));
    cluster = RelOptCluster.create(hep, new EngineRexBuilder(typeFactory));
    cluster.setMetadataQuerySupplier(() -> new RelMetadataQuery(SharedMetadataHandlers.INSTANCE));
  }

  /** The codec of a table (shared by all plan nodes made by this planner). */
  public TableCodec codec(TableDef t) {
    return codecs.computeIfAbsent(t.name(), n -> new TableCodec(t, maxKeyLength));
  }

  public Catalog catalog() {
    return catalog;
  }

  /** The expression builder of this planner's cluster (for the physical planner). */
  public RexBuilder rexBuilder() {
    return cluster.getRexBuilder();
  }

  /** Parses one statement. Trailing semicolons are allowed. */
  public static SqlNode parse(String sql) {
    String text = stripTrailingSemicolons(sql);
    try {
      SqlNode node = SqlParser.create(text, PARSER_CONFIG).parseStmt();
      if (node.isA(SqlKind.QUERY) || node.isA(SqlKind.DML)) {
        UnaryPlus.strip(node);
      }
      if (node instanceof SqlUpdate) {
        RepeatedAssignments.dropOverridden((SqlUpdate) node);
      }
      return node;
    } catch (SqlParseException e) {
      throw SqlErrors.parse(e, text);
    }
  }

  private static String stripTrailingSemicolons(String sql) {
    int end = sql.length();
    while (end > 0 && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
      end--;
    }
    return sql.substring(0, end);
  }

  private SqlValidator newValidator() {
    return SqlValidatorUtil.newValidator(OPERATORS, catalogReader, typeFactory,
        SqlValidator.Config.DEFAULT
            .withConformance(SqlConformanceEnum.LENIENT)
            .withDefaultNullCollation(NullCollation.LOW)
            .withIdentifierExpansion(true)
            .withTypeCoercionFactory(CrossClassComparisons::new));
  }

  /** A validated and optimized statement. */
  public static final class Logical {
    public final RelNode rel;
    public final List<ColumnMetadata> columns;
    public final List<ParameterMetadata> parameters;

    Logical(RelNode rel, List<ColumnMetadata> columns, List<ParameterMetadata> parameters) {
      this.rel = rel;
      this.columns = columns;
      this.parameters = parameters;
    }
  }

  /** Validates, converts and rewrites a query or DML statement. */
  public Logical plan(SqlNode node, boolean isQuery) {
    SqlValidator validator = newValidator();
    SqlNode validated;
    try {
      validated = validator.validate(node);
    } catch (CalciteContextException e) {
      throw SqlErrors.validation(e);
    } catch (UnsupportedOperationException | IllegalArgumentException | IllegalStateException e) {
      // Calcite signals some invalid statements (a ? whose type nothing determines, for one)
      // with plain runtime exceptions instead of a validation error.
      throw new EngineException(SqlStates.SYNTAX_ERROR, "cannot validate the statement: " + e.getMessage()
          + (node.toString().contains("?") ? " (a ? parameter may need a CAST to give it a type)" : ""), e);
    }
    List<ParameterMetadata> params = new ArrayList<>();
    RelDataType paramType = validator.getParameterRowType(validated);
    for (RelDataTypeField f : paramType.getFieldList()) {
      params.add(new ParameterMetadata(RelTypes.toColumnType(f.getType()), f.getType().isNullable()));
    }
    List<ColumnMetadata> columns = new ArrayList<>();
    if (isQuery) {
      RelDataType rowType = validator.getValidatedNodeType(validated);
      List<List<String>> origins = validator.getFieldOrigins(validated);
      for (int i = 0; i < rowType.getFieldCount(); i++) {
        RelDataTypeField f = rowType.getFieldList().get(i);
        List<String> origin = i < origins.size() ? origins.get(i) : null;
        String table = origin != null && origin.size() >= 2 ? origin.get(origin.size() - 2) : "";
        String column = origin != null && !origin.isEmpty() ? origin.get(origin.size() - 1) : "";
        boolean auto = false;
        TableDef t = catalog.table(table);
        if (t != null && t.columnIndex(column) >= 0) {
          ColumnDef c = t.columns().get(t.columnIndex(column));
          auto = c.identity();
        }
        columns.add(new ColumnMetadata(f.getName(), column, table.isEmpty() ? "" : Catalog.SCHEMA, table,
            RelTypes.toColumnType(f.getType()), f.getType().isNullable(), auto));
      }
    }
    RelNode rel;
    try {
      rel = toRel(validator, validated);
    } catch (CalciteContextException e) {
      throw SqlErrors.validation(e);
    }
    return new Logical(rel, columns, params);
  }

  private RelNode toRel(SqlValidator validator, SqlNode validated) {
    SqlToRelConverter converter = converter(validator, SubQueries.inSelectList(validated));
    RelRoot root = converter.convertQuery(validated, false, true);
    RelNode rel = root.project();
    if (SubQueries.present(rel)) {
      rel = hep(SUBQUERIES, NestedSubQueries.hoist(rel));
    }
    if (!SubQueries.needsRewrites(rel)) {
      return rel;
    }
    // Before the rewrites: the conditions are still in the filter above the FROM list's joins,
    // and the rewrites then push expression operands of the placed join conditions below them.
    if (SubQueries.innerJoins(rel) >= MIN_JOINS_TO_REORDER) {
      rel = JoinOrder.apply(rel);
    }
    return optionally(REWRITES, rel);
  }

  /**
   * {@code rel} after {@code program}, or as it is when Calcite fails inside it. These passes
   * only optimize; the plan before them is valid. Calcite trips its own checks in some of them:
   * the simplifier's validateStrongPolicy under -ea (IS NOT UNKNOWN pushed into an outer join).
   */
  private static RelNode optionally(HepProgram program, RelNode rel) {
    try {
      return hep(program, rel);
    } catch (AssertionError | RuntimeException e) {
      return rel;
    }
  }

  private SqlToRelConverter converter(SqlValidator validator, boolean subqueries) {
    return new SqlToRelConverter(this, validator, catalogReader, cluster, StandardConvertletTable.INSTANCE,
        subqueries ? TO_REL_UNMERGED : TO_REL);
  }

  private static RelNode hep(HepProgram program, RelNode rel) {
    HepPlanner planner = new HepPlanner(program);
    planner.setExecutor(rel.getCluster().getPlanner().getExecutor());
    planner.setRoot(rel);
    return planner.findBestExp();
  }

  /** The row type of a view: its query validated against this catalog, renamed as declared. */
  RelDataType viewRowType(ViewDef view) {
    SqlValidator validator = newValidator();
    RelDataType type;
    try {
      type = validator.getValidatedNodeType(validator.validate(parse(view.sql())));
    } catch (CalciteContextException e) {
      throw new EngineException(SqlStates.SYNTAX_ERROR, "view " + view.name() + " is no longer valid: "
          + SqlErrors.validation(e).getMessage(), e);
    }
    if (view.columnNames().isEmpty()) {
      return type;
    }
    if (view.columnNames().size() != type.getFieldCount()) {
      throw new EngineException(SqlStates.SYNTAX_ERROR, "view " + view.name() + " names "
          + view.columnNames().size() + " columns but its query returns " + type.getFieldCount());
    }
    RelDataTypeFactory.Builder b = typeFactory.builder();
    for (int i = 0; i < type.getFieldCount(); i++) {
      b.add(view.columnNames().get(i), type.getFieldList().get(i).getType());
    }
    return b.build();
  }

  @Override public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
      List<String> viewPath) {
    SqlValidator validator = newValidator();
    SqlNode validated = validator.validate(parse(queryString));
    SqlToRelConverter converter = converter(validator, SubQueries.inSelectList(validated));
    RelRoot root = converter.convertQuery(validated, true, false);
    return RelRoot.of(RelOptUtil.createCastRel(root.project(), rowType, true), root.kind);
  }

  /** The validated row type of a query (for CREATE TABLE AS and CREATE VIEW). */
  public RelDataType queryRowType(SqlNode query) {
    SqlValidator validator = newValidator();
    try {
      return validator.getValidatedNodeType(validator.validate(query));
    } catch (CalciteContextException e) {
      throw SqlErrors.validation(e);
    }
  }
}
