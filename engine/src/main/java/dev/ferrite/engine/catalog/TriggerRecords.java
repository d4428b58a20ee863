package dev.ferrite.engine.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The binary record of a trigger in {@code sys.catalog} (key {@code R/name}): format, id, name,
 * table, timing, event, UPDATE OF columns, the WHEN query (optional), the body statements, and
 * the CREATE TRIGGER text. SQL texts are written with a 4-byte length because
 * {@code writeUTF} stops at 64 KiB.
 */
final class TriggerRecords {
  private TriggerRecords() {
  }

  static byte[] write(TriggerDef t) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      DataOutputStream out = new DataOutputStream(bytes);
      out.writeInt(CatalogStore.RECORD_FORMAT);
      out.writeLong(t.id());
      out.writeUTF(t.name());
      out.writeUTF(t.table());
      out.writeUTF(t.timing().name());
      out.writeUTF(t.event().name());
      out.writeInt(t.updateColumns().size());
      for (String c : t.updateColumns()) {
        out.writeUTF(c);
      }
      out.writeBoolean(t.when() != null);
      if (t.when() != null) {
        writeStatement(out, t.when());
      }
      out.writeInt(t.actions().size());
      for (TriggerStatement s : t.actions()) {
        writeStatement(out, s);
      }
      writeText(out, t.sql());
      out.flush();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void writeStatement(DataOutputStream out, TriggerStatement s) throws IOException {
    writeText(out, s.sql());
    out.writeInt(s.references().size());
    for (TriggerStatement.RowReference r : s.references()) {
      out.writeBoolean(r.newRow());
      out.writeUTF(r.column());
    }
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(b.length);
    out.write(b);
  }

  static TriggerDef read(byte[] data) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
    CatalogStore.checkFormat(in.readInt());
    long id = in.readLong();
    String name = in.readUTF();
    String table = in.readUTF();
    TriggerDef.Timing timing = TriggerDef.Timing.valueOf(in.readUTF());
    TriggerDef.Event event = TriggerDef.Event.valueOf(in.readUTF());
    int n = in.readInt();
    List<String> columns = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      columns.add(in.readUTF());
    }
    TriggerStatement when = in.readBoolean() ? readStatement(in) : null;
    int m = in.readInt();
    List<TriggerStatement> actions = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      actions.add(readStatement(in));
    }
    String sql = readText(in);
    return new TriggerDef(id, name, table, timing, event, columns, when, actions, sql);
  }

  private static TriggerStatement readStatement(DataInputStream in) throws IOException {
    String sql = readText(in);
    int n = in.readInt();
    List<TriggerStatement.RowReference> refs = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      boolean newRow = in.readBoolean();
      refs.add(new TriggerStatement.RowReference(newRow, in.readUTF()));
    }
    return new TriggerStatement(sql, refs);
  }

  private static String readText(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new String(b, StandardCharsets.UTF_8);
  }
}
