package dev.ferrite.sqltests.files;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32C;

/**
 * The ways a database file is damaged for the hostile-file test, each a function of the intact
 * file's bytes, seeded: bit flips, truncations, swapped pages, damaged meta pages and headers,
 * and files that were never Ferrite databases. A case may demand one clean refusal at open
 * ({@code refusal}: SQLSTATE and a phrase of the message); otherwise any clean outcome will do.
 */
final class Damage {
  /** One damaged file: how it was made, its bytes, and the refusal it must meet (or null). */
  record Case(String name, byte[] bytes, Refusal refusal, String urlOptions) {}

  /** Opening must fail with this SQLSTATE and a message containing {@code phrase}. */
  record Refusal(String sqlState, String phrase) {}

  private static final int PAGE = 4096;

  private final byte[] intact;
  private final long usedBytes;
  private final Random random;

  /** Cases over {@code intact}, whose first {@code usedPages} pages hold the database. */
  Damage(byte[] intact, long usedPages, long seed) {
    this.intact = intact;
    this.usedBytes = Math.min(intact.length, usedPages * PAGE);
    this.random = new Random(seed);
  }

  /** The seeded random cases: {@code flips} bit flips, a quarter as many truncations and swaps. */
  List<Case> randomCases(int flips) {
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < flips; i++) {
      // Mostly where the data is; a fifth anywhere, including the zeros grown for later pages.
      long bound = random.nextInt(5) == 0 ? intact.length : usedBytes;
      int at = (int) (random.nextDouble() * bound);
      int bit = random.nextInt(8);
      byte[] b = intact.clone();
      b[at] ^= (byte) (1 << bit);
      cases.add(new Case("bit " + bit + " flipped at offset " + at, b, null, ""));
    }
    for (int i = 0; i < flips / 4; i++) {
      int length = (int) (random.nextDouble() * intact.length);
      cases.add(new Case("truncated to " + length + " bytes", Arrays.copyOf(intact, length),
          null, ""));
    }
    int pages = (int) (usedBytes / PAGE);
    for (int i = 0; i < flips / 4; i++) {
      int p = 3 + random.nextInt(pages - 3);
      int q = 3 + random.nextInt(pages - 3);
      byte[] b = intact.clone();
      System.arraycopy(intact, p * PAGE, b, q * PAGE, PAGE);
      System.arraycopy(intact, q * PAGE, b, p * PAGE, PAGE);
      cases.add(new Case("pages " + p + " and " + q + " swapped", b, null, ""));
    }
    return cases;
  }

  /** The fixed cases: meta pages, header, foreign files. */
  List<Case> fixedCases(byte[] foreignDatabase) {
    List<Case> cases = new ArrayList<>();
    int newest = metaTxn(1) > metaTxn(2) ? 1 : 2;
    byte[] b = intact.clone();
    Arrays.fill(b, newest * PAGE, (newest + 1) * PAGE, (byte) 0);
    cases.add(new Case("newest meta page zeroed", b, null, ""));
    b = intact.clone();
    Arrays.fill(b, PAGE, 3 * PAGE, (byte) 0);
    cases.add(new Case("both meta pages zeroed", b, new Refusal("XX001", "no valid meta page"),
        ""));
    b = intact.clone();
    for (int meta = 1; meta <= 2; meta++) {
      ByteBuffer page = ByteBuffer.wrap(b, meta * PAGE, PAGE).slice();
      page.putLong(24, 1);   // the directory root: page 1 is a meta page, not a tree page
      page.putInt(0, crc(b, meta * PAGE + 4, (meta + 1) * PAGE));
    }
    cases.add(new Case("meta pages with valid checksums and a wrong root", b,
        new Refusal("XX001", "meta record"), ""));
    b = intact.clone();
    ByteBuffer.wrap(b).putInt(12, 99).putInt(8, crc(b, 12, 512));
    cases.add(new Case("newer format version", b, new Refusal("08001", "version 99"), ""));
    b = intact.clone();
    b[100] ^= 1;
    cases.add(new Case("header checksum mismatch", b,
        new Refusal("XX001", "header checksum"), ""));
    b = new byte[intact.length];
    random.nextBytes(b);
    cases.add(new Case("random bytes", b, new Refusal("08001", "not a Ferrite database"), ""));
    cases.add(new Case("a SQLite database", sqliteFile(),
        new Refusal("08001", "not a Ferrite database"), ""));
    cases.add(new Case("an H2 database", foreignDatabase,
        new Refusal("08001", "not a Ferrite database"), ""));
    cases.add(new Case("a text file", "id,name\n1,alice\n".repeat(400)
        .getBytes(StandardCharsets.UTF_8), new Refusal("08001", "not a Ferrite database"), ""));
    cases.add(new Case("an empty file, create=false", new byte[0],
        new Refusal("08001", "empty"), ";create=false"));
    return cases;
  }

  private long metaTxn(int page) {
    return ByteBuffer.wrap(intact).getLong(page * PAGE + 16);
  }

  private static int crc(byte[] b, int from, int to) {
    CRC32C crc = new CRC32C();
    crc.update(b, from, to - from);
    return (int) crc.getValue();
  }

  /** The first page of an empty SQLite 3 database: its header and an empty table b-tree. */
  private static byte[] sqliteFile() {
    ByteBuffer b = ByteBuffer.allocate(PAGE);
    b.put("SQLite format 3\0".getBytes(StandardCharsets.US_ASCII));
    b.putShort(16, (short) PAGE).put(18, (byte) 1).put(19, (byte) 1).put(21, (byte) 64)
        .put(22, (byte) 32).put(23, (byte) 32).putInt(28, 1).putInt(44, 4).putInt(56, 1);
    b.put(100, (byte) 0x0D).putShort(105, (short) PAGE);
    return b.array();
  }
}
