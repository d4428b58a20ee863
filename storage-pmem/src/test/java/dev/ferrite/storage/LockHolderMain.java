package dev.ferrite.storage;

import java.nio.file.Path;

/** Child-process helper: opens a store, commits once, says "ready", then waits to be killed. */
public final class LockHolderMain {
  private LockHolderMain() {}

  public static void main(String[] args) throws Exception {
    Store store = Store.open(Path.of(args[0]), StoreOptions.defaults());
    try (WriteTransaction txn = store.beginWrite()) {
      txn.openOrCreateTree("child").put(new byte[] {1}, new byte[] {42});
      txn.commit();
    }
    System.out.println("ready");
    System.out.flush();
    Thread.sleep(120_000);
  }
}
