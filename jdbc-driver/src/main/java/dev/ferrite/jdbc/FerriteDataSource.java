package dev.ferrite.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * A {@link DataSource} for Ferrite: set {@code url} (and optionally the option properties of
 * {@link AbstractFerriteDataSource}); every {@code getConnection} opens a new connection. For
 * pooling, put a pool such as HikariCP in front of it, or use {@link
 * FerriteConnectionPoolDataSource} with a container's pool.
 */
public class FerriteDataSource extends AbstractFerriteDataSource implements DataSource {

  /** Creates a data source without a URL; call {@link #setUrl} before use. */
  public FerriteDataSource() {
  }

  /** Creates a data source for {@code url}. */
  public FerriteDataSource(String url) {
    setUrl(url);
  }

  @Override
  public Connection getConnection() throws SQLException {
    return openConnection();
  }

  /** The credentials are ignored: Ferrite has no users. */
  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return openConnection();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(iface, this);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return Wrappers.isWrapperFor(iface, this);
  }
}
