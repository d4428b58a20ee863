package dev.ferrite.jdbc;

import java.sql.SQLException;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.PooledConnection;

/**
 * A {@link ConnectionPoolDataSource} for application servers' pools: each {@link
 * PooledConnection} holds one physical connection and hands out logical handles whose close
 * returns it to the pool (signalled to the pool's listeners) instead of closing it.
 */
public class FerriteConnectionPoolDataSource extends AbstractFerriteDataSource implements ConnectionPoolDataSource {

  /** Creates a data source without a URL; call {@link #setUrl} before use. */
  public FerriteConnectionPoolDataSource() {
  }

  /** Creates a data source for {@code url}. */
  public FerriteConnectionPoolDataSource(String url) {
    setUrl(url);
  }

  @Override
  public PooledConnection getPooledConnection() throws SQLException {
    return new FerritePooledConnection(openConnection());
  }

  /** The credentials are ignored: Ferrite has no users. */
  @Override
  public PooledConnection getPooledConnection(String user, String password) throws SQLException {
    return getPooledConnection();
  }
}
