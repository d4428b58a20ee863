package dev.ferrite.engine.catalog;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.row.ByteSink;
import dev.ferrite.engine.row.RowCodec;
import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.SqlType;
import dev.ferrite.storage.Cursor;
import dev.ferrite.storage.ReadTransaction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes the catalog in the system tree {@value #TREE}. Keys: {@code T/name} for a
 * table, {@code V/name} for a view, {@code R/name} for a trigger, {@code M/version} for the persisted catalog version and
 * {@code M/next_id} for the next table id. Values are versioned binary records; an unknown
 * record version is reported as corruption, never guessed at.
 */
public final class CatalogStore {
  /** Name of the catalog's storage tree. */
  public static final String TREE = "sys.catalog";
  private static final byte[] VERSION_KEY = key("M/version");
  private static final byte[] NEXT_ID_KEY = key("M/next_id");
  static final int RECORD_FORMAT = 1;

  private CatalogStore() {
  }

  private static byte[] key(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** The persisted catalog version visible to {@code txn} (0 for a new database). */
  public static long persistedVersion(ReadTransaction txn) {
    if (!txn.hasTree(TREE)) {
      return 0;
    }
    byte[] v = txn.tree(TREE).get(VERSION_KEY);
    return v == null ? 0 : readLong(v);
  }

  /** Loads the whole catalog visible to {@code txn}, giving it the in-memory version {@code version}. */
  public static Catalog load(ReadTransaction txn, long version) {
    Map<String, TableDef> tables = new HashMap<>();
    Map<String, ViewDef> views = new HashMap<>();
    Map<String, TriggerDef> triggers = new HashMap<>();
    if (txn.hasTree(TREE)) {
      Cursor c = txn.tree(TREE).cursor();
      for (boolean ok = c.first(); ok; ok = c.next()) {
        String k = new String(c.key(), StandardCharsets.UTF_8);
        try {
          if (k.startsWith("T/")) {
            TableDef t = readTable(c.value());
            tables.put(t.name(), t);
          } else if (k.startsWith("V/")) {
            ViewDef v = readView(c.value());
            views.put(v.name(), v);
          } else if (k.startsWith("R/")) {
            TriggerDef t = TriggerRecords.read(c.value());
            triggers.put(t.name(), t);
          }
        } catch (IOException | RuntimeException e) {
          throw new EngineException(SqlStates.DATA_CORRUPTED, "catalog record '" + k + "' is unreadable", e);
        }
      }
    }
    return new Catalog(version, tables, views, triggers);
  }

  /** Key of the persisted catalog version. */
  public static byte[] versionKey() {
    return VERSION_KEY.clone();
  }

  /** Key of the next table/index id. */
  public static byte[] nextIdKey() {
    return NEXT_ID_KEY.clone();
  }

  /** Key of table {@code name}'s record. */
  public static byte[] tableKey(String name) {
    return key("T/" + name);
  }

  /** Key of view {@code name}'s record. */
  public static byte[] viewKey(String name) {
    return key("V/" + name);
  }

  /** Key of trigger {@code name}'s record. */
  public static byte[] triggerKey(String name) {
    return key("R/" + name);
  }

  /** Encodes a trigger record. */
  public static byte[] writeTrigger(TriggerDef t) {
    return TriggerRecords.write(t);
  }

  /** Reads an 8-byte big-endian counter value. */
  public static long readLong(byte[] b) {
    long v = 0;
    for (byte x : b) {
      v = (v << 8) | (x & 0xFF);
    }
    return v;
  }

  /** Encodes an 8-byte big-endian counter value. */
  public static byte[] writeLong(long v) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (v >>> (56 - 8 * i));
    }
    return b;
  }

  /** Encodes a table record. */
  public static byte[] writeTable(TableDef t) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(RECORD_FORMAT);
      out.writeLong(t.id());
      out.writeUTF(t.name());
      out.writeUTF(t.treeName());
      out.writeInt(t.columns().size());
      for (ColumnDef c : t.columns()) {
        out.writeUTF(c.name());
        out.writeUTF(c.type().type().name());
        out.writeInt(c.type().precision());
        out.writeInt(c.type().scale());
        out.writeBoolean(c.nullable());
        out.writeBoolean(c.identity());
        out.writeBoolean(c.defaultSql() != null);
        if (c.defaultSql() != null) {
          out.writeUTF(c.defaultSql());
          byte[] v = RowCodec.encode(new Object[] {c.defaultValue()}, new SqlType[] {c.type().type()}, new ByteSink());
          out.writeInt(v.length);
          out.write(v);
        }
      }
      out.writeBoolean(t.primaryKey() != null);
      if (t.primaryKey() != null) {
        writeIndex(out, t.primaryKey());
      }
      out.writeInt(t.indexes().size());
      for (IndexDef i : t.indexes()) {
        writeIndex(out, i);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void writeIndex(DataOutputStream out, IndexDef i) throws IOException {
    out.writeUTF(i.name());
    out.writeUTF(i.tableName());
    out.writeBoolean(i.unique());
    out.writeBoolean(i.primaryKey());
    out.writeInt(i.width());
    for (int k = 0; k < i.width(); k++) {
      out.writeInt(i.column(k));
      out.writeBoolean(i.descending(k));
    }
    out.writeUTF(i.treeName());
  }

  private static TableDef readTable(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
    checkFormat(in.readInt());
    long id = in.readLong();
    String name = in.readUTF();
    String tree = in.readUTF();
    int n = in.readInt();
    List<ColumnDef> columns = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String cname = in.readUTF();
      SqlType type = SqlType.valueOf(in.readUTF());
      ColumnType ct = new ColumnType(type, in.readInt(), in.readInt());
      boolean nullable = in.readBoolean();
      boolean identity = in.readBoolean();
      String defaultSql = null;
      Object defaultValue = null;
      if (in.readBoolean()) {
        defaultSql = in.readUTF();
        byte[] v = new byte[in.readInt()];
        in.readFully(v);
        defaultValue = RowCodec.decode(v, new SqlType[] {type}, new Object[1])[0];
      }
      columns.add(new ColumnDef(cname, ct, nullable, defaultSql, defaultValue, identity));
    }
    IndexDef pk = in.readBoolean() ? readIndex(in) : null;
    int ni = in.readInt();
    List<IndexDef> indexes = new ArrayList<>(ni);
    for (int i = 0; i < ni; i++) {
      indexes.add(readIndex(in));
    }
    return new TableDef(id, name, columns, pk, indexes, tree);
  }

  private static IndexDef readIndex(DataInputStream in) throws IOException {
    String name = in.readUTF();
    String table = in.readUTF();
    boolean unique = in.readBoolean();
    boolean primary = in.readBoolean();
    int w = in.readInt();
    int[] cols = new int[w];
    boolean[] desc = new boolean[w];
    for (int k = 0; k < w; k++) {
      cols[k] = in.readInt();
      desc[k] = in.readBoolean();
    }
    return new IndexDef(name, table, unique, primary, cols, desc, in.readUTF());
  }

  /** Encodes a view record. */
  public static byte[] writeView(ViewDef v) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(RECORD_FORMAT);
      out.writeUTF(v.name());
      byte[] sql = v.sql().getBytes(StandardCharsets.UTF_8);
      out.writeInt(sql.length);
      out.write(sql);
      out.writeInt(v.columnNames().size());
      for (String c : v.columnNames()) {
        out.writeUTF(c);
      }
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ViewDef readView(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
    checkFormat(in.readInt());
    String name = in.readUTF();
    byte[] sql = new byte[in.readInt()];
    in.readFully(sql);
    int n = in.readInt();
    List<String> cols = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      cols.add(in.readUTF());
    }
    return new ViewDef(name, new String(sql, StandardCharsets.UTF_8), cols);
  }

  static void checkFormat(int format) throws IOException {
    if (format != RECORD_FORMAT) {
      throw new IOException("catalog record format " + format + " is not " + RECORD_FORMAT);
    }
  }
}
