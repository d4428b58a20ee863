<#--
  Ferrite's additions to Calcite's SQL grammar: DDL (tables, indexes, views, triggers, ALTER TABLE
  ADD COLUMN, REINDEX), SQLite's INSERT OR REPLACE/IGNORE and REPLACE INTO, the short form of
  EXPLAIN, and transaction control. The technique (FMPP hooks named in
  config.fmpp) is Calcite's own; calcite-server uses it for its DDL parser.
-->

boolean IfNotExistsOpt() :
{
}
{
    LOOKAHEAD(3) <IF> <NOT> <EXISTS> { return true; }
|
    { return false; }
}

boolean IfExistsOpt() :
{
}
{
    LOOKAHEAD(2) <IF> <EXISTS> { return true; }
|
    { return false; }
}

/** A column definition or a table constraint inside CREATE TABLE (...) or ALTER TABLE ADD. */
void TableElement(List<SqlNode> columns, List<SqlNode> constraints) :
{
    SqlIdentifier name = null;
    final Span s = Span.of();
}
{
    (
        <CONSTRAINT> { s.add(this); } name = SimpleIdentifier() TableConstraint(s, name, constraints)
    |
        TableConstraint(s, null, constraints)
    |
        ColumnDefinition(columns, constraints)
    )
}

void TableConstraint(Span s, SqlIdentifier name, List<SqlNode> constraints) :
{
    SqlNodeList cols;
}
{
    <PRIMARY> { s.add(this); } <KEY> cols = ParenthesizedSimpleIdentifierList() {
        constraints.add(new SqlTableConstraint(s.end(this), SqlTableConstraint.Kind.PRIMARY_KEY, name, cols));
    }
|
    <UNIQUE> { s.add(this); } cols = ParenthesizedSimpleIdentifierList() {
        constraints.add(new SqlTableConstraint(s.end(this), SqlTableConstraint.Kind.UNIQUE, name, cols));
    }
}

void ColumnDefinition(List<SqlNode> columns, List<SqlNode> constraints) :
{
    final SqlIdentifier id;
    final SqlDataTypeSpec type;
    boolean nullable = true;
    SqlNode defaultValue = null;
    boolean identity = false;
    final Span s = Span.of();
}
{
    id = SimpleIdentifier() { s.add(id); } type = DataType()
    (
        <NOT> <NULL> { nullable = false; }
    |   <NULL> { nullable = true; }
    |   <DEFAULT_> defaultValue = Expression(ExprContext.ACCEPT_SUB_QUERY)
    |   <PRIMARY> <KEY> {
            nullable = false;
            constraints.add(new SqlTableConstraint(getPos(), SqlTableConstraint.Kind.PRIMARY_KEY, null,
                new SqlNodeList(java.util.Collections.singletonList(id), id.getParserPosition())));
        }
    |   <UNIQUE> {
            constraints.add(new SqlTableConstraint(getPos(), SqlTableConstraint.Kind.UNIQUE, null,
                new SqlNodeList(java.util.Collections.singletonList(id), id.getParserPosition())));
        }
    |   <AUTO_INCREMENT> { identity = true; }
    |   <GENERATED> ( <ALWAYS> | <BY> <DEFAULT_> ) <AS> <IDENTITY> { identity = true; }
    )*
    {
        columns.add(new SqlColumnDefinition(s.end(this), id, type, nullable, defaultValue, identity));
    }
}

SqlCreate SqlCreateTableStmt(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final List<SqlNode> constraints = new ArrayList<SqlNode>();
    SqlNode query = null;
}
{
    <TABLE> ifNotExists = IfNotExistsOpt() id = CompoundIdentifier()
    (
        <LPAREN> TableElement(columns, constraints)
        ( <COMMA> TableElement(columns, constraints) )*
        <RPAREN>
    |
        <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    )
    {
        return new SqlCreateTable(s.end(this), replace, ifNotExists, id,
            new SqlNodeList(columns, s.pos()), new SqlNodeList(constraints, s.pos()), query);
    }
}

SqlNode IndexColumn() :
{
    final SqlIdentifier id;
}
{
    id = SimpleIdentifier()
    (
        <ASC> { return id; }
    |   <DESC> { return SqlStdOperatorTable.DESC.createCall(getPos(), id); }
    |   { return id; }
    )
}

SqlCreate SqlCreateIndexStmt(Span s, boolean replace) :
{
    boolean unique = false;
    final boolean ifNotExists;
    final SqlIdentifier name;
    final SqlIdentifier table;
    final List<SqlNode> cols = new ArrayList<SqlNode>();
    SqlNode col;
}
{
    [ <UNIQUE> { unique = true; } ]
    <INDEX> ifNotExists = IfNotExistsOpt() name = CompoundIdentifier()
    <ON> table = CompoundIdentifier()
    <LPAREN> col = IndexColumn() { cols.add(col); }
    ( <COMMA> col = IndexColumn() { cols.add(col); } )*
    <RPAREN>
    {
        return new SqlCreateIndex(s.end(this), replace, unique, ifNotExists, name, table,
            new SqlNodeList(cols, s.pos()));
    }
}

SqlCreate SqlCreateViewStmt(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier id;
    SqlNodeList columnList = null;
    final SqlNode query;
}
{
    <VIEW> ifNotExists = IfNotExistsOpt() id = CompoundIdentifier()
    [ columnList = ParenthesizedSimpleIdentifierList() ]
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateView(s.end(this), replace, ifNotExists, id, columnList, query);
    }
}

SqlDrop SqlDropObjectStmt(Span s, boolean replace) :
{
    final SqlDropObject.Kind kind;
    final boolean ifExists;
    final SqlIdentifier id;
    boolean cascade = false;
}
{
    (
        <TABLE> { kind = SqlDropObject.Kind.TABLE; }
    |   <TRIGGER> { kind = SqlDropObject.Kind.TRIGGER; }
    |   <VIEW> { kind = SqlDropObject.Kind.VIEW; }
    |   <INDEX> { kind = SqlDropObject.Kind.INDEX; }
    )
    ifExists = IfExistsOpt() id = CompoundIdentifier()
    [ <CASCADE> { cascade = true; } | <RESTRICT> { cascade = false; } ]
    {
        return new SqlDropObject(s.end(this), kind, ifExists, id, cascade);
    }
}

SqlNode SqlAlterTableAddColumnStmt() :
{
    final Span s;
    final SqlIdentifier table;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final List<SqlNode> constraints = new ArrayList<SqlNode>();
}
{
    <ALTER> { s = span(); } <TABLE> table = CompoundIdentifier()
    <ADD> [ <COLUMN> ] TableElement(columns, constraints)
    {
        return new SqlAlterTableAddColumn(s.end(this), table,
            new SqlNodeList(columns, s.pos()), new SqlNodeList(constraints, s.pos()));
    }
}

/** EXPLAIN followed directly by a query or DML statement (Calcite's EXPLAIN PLAN FOR also works). */
SqlNode SqlExplainShort() :
{
    final Span s;
    final SqlNode stmt;
}
{
    <EXPLAIN> { s = span(); } stmt = QueryOrChange()
    {
        return new SqlExplainPlan(s.end(this), stmt);
    }
}

String IsolationLevelName() :
{
}
{
    <READ> (
        <UNCOMMITTED> { return "READ UNCOMMITTED"; }
    |   <COMMITTED> { return "READ COMMITTED"; }
    )
|   <REPEATABLE> <READ> { return "REPEATABLE READ"; }
|   <SERIALIZABLE> { return "SERIALIZABLE"; }
}

SqlNode SqlTransactionStmt() :
{
    final Span s;
    SqlIdentifier name = null;
    String level = null;
}
{
    (
        <BEGIN> { s = span(); } [ <TRANSACTION> | <WORK> ] {
            return new SqlTransactionControl(s.end(this), SqlTransactionControl.Kind.BEGIN, null, null);
        }
    |   <START> { s = span(); } <TRANSACTION> {
            return new SqlTransactionControl(s.end(this), SqlTransactionControl.Kind.BEGIN, null, null);
        }
    |   <COMMIT> { s = span(); } [ <WORK> ] {
            return new SqlTransactionControl(s.end(this), SqlTransactionControl.Kind.COMMIT, null, null);
        }
    |   <ROLLBACK> { s = span(); } [ <WORK> ]
        [ <TO> [ <SAVEPOINT> ] name = SimpleIdentifier() ] {
            return new SqlTransactionControl(s.end(this),
                name == null ? SqlTransactionControl.Kind.ROLLBACK : SqlTransactionControl.Kind.ROLLBACK_TO_SAVEPOINT,
                name, null);
        }
    |   <SAVEPOINT> { s = span(); } name = SimpleIdentifier() {
            return new SqlTransactionControl(s.end(this), SqlTransactionControl.Kind.SAVEPOINT, name, null);
        }
    |   <RELEASE> { s = span(); } [ <SAVEPOINT> ] name = SimpleIdentifier() {
            return new SqlTransactionControl(s.end(this), SqlTransactionControl.Kind.RELEASE_SAVEPOINT, name, null);
        }
    |   <SET> { s = span(); } <TRANSACTION>
        (
            <ISOLATION> <LEVEL> level = IsolationLevelName() {
                return new SqlTransactionControl(s.end(this), SqlTransactionControl.Kind.SET_ISOLATION, null, level);
            }
        |   LOOKAHEAD(2) <READ> <ONLY> {
                return new SqlTransactionControl(s.end(this), SqlTransactionControl.Kind.SET_READ_ONLY, null, "ONLY");
            }
        |   <READ> <WRITE> {
                return new SqlTransactionControl(s.end(this), SqlTransactionControl.Kind.SET_READ_ONLY, null, "WRITE");
            }
        )
    )
}

/** CLOB and BLOB: reserved words in Calcite's grammar, so they need their own rule. */
SqlTypeNameSpec LobTypeName() :
{
    final Span s = Span.of();
}
{
    <CLOB> { return new SqlLobTypeNameSpec(true, s.end(this)); }
|   <BLOB> { return new SqlLobTypeNameSpec(false, s.end(this)); }
}

/**
 * SQLite's INSERT OR REPLACE / INSERT OR IGNORE and REPLACE INTO (the alias of INSERT OR
 * REPLACE). The rest is INSERT's syntax: a table, optional column list, a query or VALUES.
 */
SqlNode SqlInsertOrStmt() :
{
    final Span s;
    final SqlInsertOr.Conflict conflict;
    final SqlIdentifier table;
    SqlNodeList columns = null;
    final SqlNode source;
}
{
    (
        <INSERT> { s = span(); } <OR>
        (
            <REPLACE> { conflict = SqlInsertOr.Conflict.REPLACE; }
        |   <IGNORE> { conflict = SqlInsertOr.Conflict.IGNORE; }
        )
    |
        <REPLACE> { s = span(); conflict = SqlInsertOr.Conflict.REPLACE; }
    )
    <INTO> table = CompoundTableIdentifier()
    [ LOOKAHEAD(2) columns = ParenthesizedSimpleIdentifierList() ]
    source = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlInsertOr(s.end(source), conflict, table, source, columns);
    }
}

/** REINDEX [index or table name]. */
SqlNode SqlReindexStmt() :
{
    final Span s;
    SqlIdentifier name = null;
}
{
    <REINDEX> { s = span(); } [ name = CompoundIdentifier() ]
    {
        return new SqlReindex(s.end(this), name);
    }
}

/** A query, INSERT (also OR REPLACE/IGNORE), UPDATE or DELETE: what EXPLAIN and trigger bodies take. */
SqlNode QueryOrChange() :
{
    final SqlNode stmt;
}
{
    (
        LOOKAHEAD(2) stmt = SqlInsertOrStmt()
    |   stmt = SqlQueryOrDml()
    )
    { return stmt; }
}

SqlCreate SqlCreateTriggerStmt(Span s, boolean replace) :
{
    final boolean ifNotExists;
    final SqlIdentifier name;
    SqlCreateTrigger.Timing timing = SqlCreateTrigger.Timing.BEFORE;
    final SqlCreateTrigger.Event event;
    final List<SqlNode> columns = new ArrayList<SqlNode>();
    final SqlIdentifier table;
    SqlNode when = null;
    SqlParserPos whenSpan = null;
    final List<SqlNode> statements = new ArrayList<SqlNode>();
    final List<SqlParserPos> spans = new ArrayList<SqlParserPos>();
    SqlNode stmt;
    Token first;
}
{
    <TRIGGER> ifNotExists = IfNotExistsOpt() name = CompoundIdentifier()
    [
        <BEFORE> { timing = SqlCreateTrigger.Timing.BEFORE; }
    |   <AFTER> { timing = SqlCreateTrigger.Timing.AFTER; }
    ]
    (
        <INSERT> { event = SqlCreateTrigger.Event.INSERT; }
    |   <DELETE> { event = SqlCreateTrigger.Event.DELETE; }
    |   <UPDATE> { event = SqlCreateTrigger.Event.UPDATE; } [ <OF> AddSimpleIdentifiers(columns) ]
    )
    <ON> table = CompoundIdentifier()
    [ <FOR> <EACH> <ROW> ]
    [
        <WHEN> { first = getToken(1); } when = Expression(ExprContext.ACCEPT_SUB_QUERY) {
            whenSpan = new SqlParserPos(first.beginLine, first.beginColumn,
                getToken(0).endLine, getToken(0).endColumn);
        }
    ]
    <BEGIN>
    (
        { first = getToken(1); } stmt = QueryOrChange() {
            statements.add(stmt);
            spans.add(new SqlParserPos(first.beginLine, first.beginColumn,
                getToken(0).endLine, getToken(0).endColumn));
        }
        <SEMICOLON>
    )+
    <END>
    {
        return new SqlCreateTrigger(s.end(this), replace, ifNotExists, name, timing, event,
            new SqlNodeList(columns, s.pos()), table, when, whenSpan, statements, spans);
    }
}
