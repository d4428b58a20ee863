package dev.ferrite.storage.nativeio;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * The only place Ferrite calls native code, through JNR-FFI, and only for what the JDK lacks:
 * libpmem's cache-line flush and drain, {@code statx}, and the commit log's
 * {@code O_DIRECT|O_DSYNC} write ({@link DirectDurableFile}). Every entry point degrades: when a
 * library cannot be loaded, callers get "unavailable" and use a pure-Java path; one log line says
 * why. Nothing here can crash the JVM for lack of a library.
 */
public final class NativeIo {
  private static final System.Logger LOG = System.getLogger("dev.ferrite.storage.nativeio");
  private static final int AT_FDCWD = -100;
  private static final int STATX_BASIC_STATS = 0x7ff;
  private static final long STATX_ATTR_DAX = 0x0020_0000L;
  private static final int STATX_ATTRIBUTES = 8;
  private static final int STATX_ATTRIBUTES_MASK = 56;
  private static final int STATX_SIZE = 256;

  private static volatile LibPmem pmem;
  private static volatile String pmemProblem;
  private static volatile boolean pmemTried;

  private NativeIo() {}

  /**
   * Returns libpmem, or null if it cannot be loaded or {@code -Dferrite.pmem.library=false}.
   * The first failure is logged with its reason.
   */
  public static LibPmem pmem() {
    if (!pmemTried) {
      synchronized (NativeIo.class) {
        if (!pmemTried) {
          if (!Boolean.parseBoolean(System.getProperty("ferrite.pmem.library", "true"))) {
            pmemProblem = "disabled by -Dferrite.pmem.library=false";
          } else {
            try {
              LibPmem loaded = LibraryLoader.create(LibPmem.class).failImmediately().load("pmem");
              loaded.pmem_has_auto_flush();
              pmem = loaded;
            } catch (Throwable e) {
              pmemProblem = "libpmem not loadable (" + e.getClass().getSimpleName() + ": "
                  + e.getMessage() + "); install Debian's libpmem1 for libpmem flushes";
              LOG.log(System.Logger.Level.INFO, pmemProblem
                  + "; cache-line write-back uses MappedByteBuffer.force instead");
            }
          }
          pmemTried = true;
        }
      }
    }
    return pmem;
  }

  /** Why {@link #pmem()} is null, or null if it is available. */
  public static String pmemProblem() {
    pmem();
    return pmemProblem;
  }

  /** Returns the native address of a direct buffer's first byte. */
  public static long address(ByteBuffer direct) {
    return Pointer.wrap(Runtime.getSystemRuntime(), direct).address();
  }

  /**
   * The {@code STATX_ATTR_DAX} attribute of a file: "set", "not set", "not reported by the file
   * system", or why it could not be read.
   */
  public static String statxDax(Path file) {
    try {
      LibC libc = LibCHolder.LIBC;
      Runtime runtime = Runtime.getRuntime(libc);
      Pointer buffer = Memory.allocateDirect(runtime, STATX_SIZE);
      if (libc.statx(AT_FDCWD, file.toString(), 0, STATX_BASIC_STATS, buffer) != 0) {
        return "statx failed (errno " + runtime.getLastError() + ")";
      }
      long mask = buffer.getLong(STATX_ATTRIBUTES_MASK);
      long attributes = buffer.getLong(STATX_ATTRIBUTES);
      if ((mask & STATX_ATTR_DAX) == 0) {
        return "not reported by the file system";
      }
      return (attributes & STATX_ATTR_DAX) != 0 ? "set" : "not set";
    } catch (Throwable e) {
      return "unavailable (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }
  }

  /** libc, loaded on first use; throws if it cannot be loaded. */
  static LibC libc() {
    return LibCHolder.LIBC;
  }

  /** Loads libc once, on first use; a failure surfaces from every call, as it should. */
  private static final class LibCHolder {
    static final LibC LIBC = LibraryLoader.create(LibC.class).failImmediately().load("c");
  }
}
