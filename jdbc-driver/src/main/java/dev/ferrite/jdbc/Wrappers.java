package dev.ferrite.jdbc;

import java.sql.SQLException;

/**
 * {@link java.sql.Wrapper} for the driver's objects. None wraps a vendor object except the
 * connection (its engine session), so unwrapping only ever hands out one of the candidates given,
 * tried in order, and fails the same way everywhere when none fits.
 */
final class Wrappers {
  private Wrappers() {
  }

  /** The first of {@code candidates} that is an {@code iface}; SQLSTATE HY024 when none is. */
  static <T> T unwrap(Class<T> iface, Object... candidates) throws SQLException {
    for (Object c : candidates) {
      if (iface.isInstance(c)) {
        return iface.cast(c);
      }
    }
    throw SqlExceptions.invalidArgument("not a wrapper for " + iface.getName());
  }

  /** Whether {@link #unwrap} would succeed. */
  static boolean isWrapperFor(Class<?> iface, Object... candidates) {
    for (Object c : candidates) {
      if (iface.isInstance(c)) {
        return true;
      }
    }
    return false;
  }
}
