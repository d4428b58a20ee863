package dev.ferrite.storage.nativeio;

import jnr.ffi.Pointer;

/** The libc call the JDK does not offer: {@code statx(2)}. */
public interface LibC {
  /** {@code statx(dirfd, path, flags, mask, buffer)}; returns 0 or -1 with errno set. */
  int statx(int dirfd, String path, int flags, int mask, Pointer buffer);
}
