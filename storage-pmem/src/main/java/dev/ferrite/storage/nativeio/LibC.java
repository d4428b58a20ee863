package dev.ferrite.storage.nativeio;

import jnr.ffi.Pointer;

/**
 * The libc calls the JDK does not offer: {@code statx(2)}, and {@code open}/{@code pwrite} of a
 * descriptor with flags Java cannot ask for ({@code O_DIRECT}) that a thread interrupt never
 * closes. 64-bit Linux only: {@code long} stands for {@code ssize_t}, {@code size_t} and
 * {@code off_t}.
 */
public interface LibC {
  /** {@code statx(dirfd, path, flags, mask, buffer)}; returns 0 or -1 with errno set. */
  int statx(int dirfd, String path, int flags, int mask, Pointer buffer);

  /** {@code open(path, flags, mode)}; returns a descriptor or -1 with errno set. */
  int open(String path, int flags, int mode);

  /** {@code pwrite(fd, buffer, count, offset)}; returns the bytes written or -1 with errno set. */
  long pwrite(int fd, Pointer buffer, long count, long offset);

  /** {@code close(fd)}; returns 0 or -1 with errno set. */
  int close(int fd);
}
